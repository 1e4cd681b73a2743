import { type DatabaseCheck, type DraftDb, describeWriteError, NEWER_DATABASE } from '../drafts/db';
import type { Draft } from '../drafts/model';
import { createMirror, type MirrorStore, recoverFromMirror } from '../drafts/mirror';
import { createDraftCache, saveDraft } from '../drafts/store';
import type { UserMessage } from '../messages/protocol';
import type { SaveBatch, SaveOutcome } from './hub';

export interface DraftSaverOptions {
  db: DraftDb;
  /** Looks at the database before it is opened (lib/drafts/db.ts checkDatabase) */
  check(): Promise<DatabaseCheck>;
  mirror: MirrorStore;
  /** navigator.storage.estimate: a full disk shows under many error names */
  estimate(): Promise<{ usage?: number; quota?: number }>;
}

/**
 * Autosave's writes in the background: the database is checked before it is opened (a newer one is left alone and
 * autosave stops), drafts lost from it are put back from the second copy at start and after a failed write, every
 * commit refreshes that copy, and every failure becomes a message the user can read.
 */
export function createDraftSaver({ db, check, mirror: mirrorStore, estimate }: DraftSaverOptions) {
  const mirror = createMirror(mirrorStore);
  /** Drafts put back from the copy, not yet told to a tab showing them */
  const recovered = new Map<string, Draft>();
  /** The drafts autosave committed last: a keystroke's transaction need not read them first */
  const cache = createDraftCache();
  let blocked = false;
  let suspect = false;

  async function recover() {
    for (const draft of await recoverFromMirror(db, mirrorStore)) recovered.set(draft.key, draft);
  }

  const ready = (async () => {
    const state = await check().catch(() => ({ state: 'ours' as const }));
    if (state.state === 'newer') {
      blocked = true;
      console.warn(`GuideCheck: the drafts database is from a newer version (${state.why}); autosave stopped`);
      return;
    }
    await db.open();
    await recover().catch((error) => console.error('GuideCheck: recovering drafts from the copy failed', error));
  })();

  async function save(batch: SaveBatch): Promise<SaveOutcome> {
    await ready.catch(() => {});
    if (blocked)
      return { ok: false, error: 'newerDatabase', reason: 'newerDatabase', message: NEWER_DATABASE, final: true };
    try {
      if (suspect) {
        // The last write failed: Chromium may have deleted the database meanwhile. Open it again, put drafts back.
        if (!db.isOpen()) await db.open();
        cache.clear();
        await recover();
        suspect = false;
      }
      const result = await saveDraft(db, batch, cache);
      if (result.ok) {
        mirror.put(result.draft);
        const held = result.held ?? {};
        const written = Object.fromEntries(
          Object.keys(batch.fields)
            .filter((k) => !(k in held) && result.draft.fields[k] !== undefined)
            .map((k) => [k, result.draft.fields[k]!]),
        );
        return { ok: true, revision: result.draft.revision, held: result.held, written };
      }
      if ('conflict' in result)
        return {
          ok: false,
          conflict: { revision: result.conflict.current.revision, fields: result.conflict.current.fields },
        };
      if (result.error === 'invalid')
        return {
          ok: false,
          error: 'invalid',
          reason: 'invalid',
          final: true,
          message: {
            zh: `草稿内容无法保存：${result.problems.map((p) => p.zh).join('；')}`,
            en: `The draft could not be saved: ${result.problems.map((p) => p.en).join('; ')}`,
          },
        };
      return failure(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    } catch (error) {
      return failure(error);
    }
  }

  async function failure(error: unknown): Promise<SaveOutcome> {
    suspect = true;
    const space = await estimate().catch(() => undefined);
    const problem = describeWriteError(error, space);
    console.warn('GuideCheck: a draft write failed', error);
    return { ok: false, error: problem.en, reason: problem.reason, message: { zh: problem.zh, en: problem.en } };
  }

  return {
    save,
    ready,
    /** What a tab opening `key` must be told at once (the database is newer; its draft was recovered). */
    async noticesFor(key: string): Promise<{ blocked?: UserMessage; recovered?: UserMessage }> {
      await ready.catch(() => {});
      if (blocked) return { blocked: NEWER_DATABASE };
      const draft = recovered.get(key);
      if (!draft) return {};
      recovered.delete(key);
      const count = Object.values(draft.fields).filter((v) => v !== '').length;
      return {
        recovered: {
          zh: `草稿数据库曾被浏览器清除或损坏，已从备份副本恢复此申报书的草稿（${count} 个字段，保存于 ${draft.updatedAt}）。`,
          en: `The browser had wiped or damaged the drafts database; this application's draft was recovered from the backup copy (${count} fields, saved ${draft.updatedAt}).`,
        },
      };
    },
    forget: (keys: string[]) => mirror.forget(keys),
  };
}
