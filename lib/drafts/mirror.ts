import type { DraftDb } from './db';
import type { Draft } from './model';
import { readDraft, writeDraft } from './rows';
import { recordRevision } from './revisions';

/**
 * A second copy of each draft's latest state outside IndexedDB (browser.storage.local in the extension). Chromium
 * deletes an IndexedDB database it finds corrupt (as after a write on a full disk), drafts saved long before
 * included; the copy lets the next start put them back.
 */
export interface MirrorStore {
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const PREFIX = 'draftCopy:';

export function mirrorKey(draftKey: string): string {
  return PREFIX + draftKey;
}

/** The draft as the copy keeps it: content and identity, without the row's bookkeeping. */
function compact(draft: Draft): Draft {
  const { key, host, applicationId, title, guideline, direction, fields, checklist, revision, createdAt, updatedAt } =
    draft;
  return {
    key,
    host,
    applicationId,
    title,
    guideline,
    direction,
    fields,
    checklist,
    revision,
    createdAt,
    updatedAt,
    ...(draft.deletedAt ? { deletedAt: draft.deletedAt } : {}),
  };
}

/**
 * Writes copies one at a time per draft, the newest winning: a burst of keystrokes costs one storage write, and an
 * older copy never lands after a newer one.
 */
export function createMirror(store: MirrorStore) {
  const latest = new Map<string, Draft>();
  let writing: Promise<void> | undefined;

  async function flush() {
    while (latest.size) {
      const batch = Object.fromEntries([...latest].map(([key, draft]) => [mirrorKey(key), compact(draft)]));
      latest.clear();
      await store.set(batch).catch(() => {}); // the disk may be full too: IndexedDB's copy is still the first
    }
    writing = undefined;
  }

  return {
    put(draft: Draft) {
      latest.set(draft.key, draft);
      writing ??= flush();
    },
    async forget(keys: string[]) {
      for (const key of keys) latest.delete(key);
      await writing;
      await store.remove(keys.map(mirrorKey));
    },
    flushed: () => writing ?? Promise.resolve(),
  };
}

const INSTANCE = 'draftCopy@database';

/**
 * At start (and after a failed write): is the database the one the copies were made from? Each database gets an id
 * (meta row "instance", also kept beside the copies). A database without it or with another one was wiped or replaced:
 * drafts whose copy is newer than the database's row, or whose row is gone, are written back from the copy, and
 * returned for telling the user. In the database we know, a copy without a row is of a draft deleted for good: dropped.
 */
export async function recoverFromMirror(db: DraftDb, store: MirrorStore): Promise<Draft[]> {
  const all = await store.getAll();
  const copies = Object.entries(all)
    .filter(([k, v]) => k.startsWith(PREFIX) && isDraftLike(v))
    .map(([, v]) => v as Draft);
  const instance = (await db.meta.get('instance'))?.value;
  if (typeof instance === 'string' && instance === all[INSTANCE]) {
    const keys = new Set((await db.drafts.toCollection().primaryKeys()) as string[]);
    const purged = copies.filter((c) => !keys.has(c.key)).map((c) => mirrorKey(c.key));
    if (purged.length) await store.remove(purged);
    return [];
  }
  const recovered = await db.transaction('rw', [db.drafts, db.checklists, db.revisions, db.meta], async () => {
    const written: Draft[] = [];
    for (const copy of copies) {
      const current = await readDraft(db, copy.key);
      if (current && current.revision >= copy.revision) continue;
      const draft = { ...current, ...copy };
      await writeDraft(db, draft);
      await recordRevision(db, draft, 'restore');
      written.push(draft);
    }
    const id = typeof instance === 'string' ? instance : crypto.randomUUID();
    if (id !== instance) await db.meta.put({ key: 'instance', value: id });
    return { written, id };
  });
  await store.set({ [INSTANCE]: recovered.id });
  return recovered.written;
}

function isDraftLike(v: unknown): boolean {
  const d = v as Partial<Draft> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.key === 'string' &&
    typeof d.revision === 'number' &&
    typeof d.fields === 'object' &&
    d.fields !== null
  );
}
