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
 * What a commit adds to the draft's copy: the fields changed or removed since that copy, and everything else of the
 * draft as it is now. A keystroke writes this, a few hundred bytes, instead of the whole draft again (on a 2,000-control
 * form, tens of KB serialised and written at every key while the panel waits for a core).
 */
interface CopyDelta {
  /** The revision of the copy it applies to: a delta over another copy is ignored */
  base: number;
  draft: Omit<Draft, 'fields'>;
  fields: Record<string, string>;
  removed: string[];
}

/** A delta over more fields than this is written as a whole copy (a restore, an import, a long session) */
const MAX_DELTA_FIELDS = 64;

/**
 * Writes copies one at a time per draft, the newest winning: a burst of keystrokes costs one storage write, and an
 * older copy never lands after a newer one. The first commit of a draft (in this worker's life) writes its whole
 * copy; later ones a delta over it, until the delta grows too large.
 */
export function createMirror(store: MirrorStore) {
  const latest = new Map<string, Draft>();
  /** Per draft, the copy as last written whole: its revision and fields */
  const copies = new Map<string, { revision: number; fields: Record<string, string> }>();
  let writing: Promise<void> | undefined;

  function entriesFor(draft: Draft): Record<string, unknown> {
    const { fields, ...rest } = compact(draft);
    const copy = copies.get(draft.key);
    const changed: Record<string, string> = {};
    let count = 0;
    if (copy) {
      for (const k in fields) {
        if (copy.fields[k] === fields[k]) continue;
        changed[k] = fields[k]!;
        if (++count > MAX_DELTA_FIELDS) break;
      }
    }
    const removed = copy ? Object.keys(copy.fields).filter((k) => !(k in fields)) : [];
    if (!copy || count + removed.length > MAX_DELTA_FIELDS) {
      copies.set(draft.key, { revision: draft.revision, fields });
      const empty: CopyDelta = { base: draft.revision, draft: rest, fields: {}, removed: [] };
      return { [mirrorKey(draft.key)]: { ...rest, fields }, [deltaKey(draft.key)]: empty };
    }
    const delta: CopyDelta = { base: copy.revision, draft: rest, fields: changed, removed };
    return { [deltaKey(draft.key)]: delta };
  }

  async function flush() {
    while (latest.size) {
      const drafts = [...latest.values()];
      latest.clear();
      const batch = Object.assign({}, ...drafts.map(entriesFor));
      // The disk may be full too (IndexedDB's copy is still the first); the next commit writes the whole copy again.
      await store.set(batch).catch(() => {
        for (const d of drafts) copies.delete(d.key);
      });
    }
    writing = undefined;
  }

  return {
    put(draft: Draft) {
      latest.set(draft.key, draft);
      writing ??= flush();
    },
    async forget(keys: string[]) {
      for (const key of keys) {
        latest.delete(key);
        copies.delete(key);
      }
      await writing;
      await store.remove(keys.flatMap((k) => [mirrorKey(k), deltaKey(k)]));
    },
    flushed: () => writing ?? Promise.resolve(),
  };
}

const DELTA_PREFIX = 'draftCopyDelta:';

function deltaKey(draftKey: string): string {
  return DELTA_PREFIX + draftKey;
}

/** The copy with its delta applied (a delta written over another copy, or malformed, is left out). */
function withDelta(copy: Draft, delta: unknown): Draft {
  const d = delta as Partial<CopyDelta> | null;
  const valid =
    typeof d === 'object' &&
    d !== null &&
    d.base === copy.revision &&
    isDraftLike({ ...d.draft, fields: d.fields }) &&
    Array.isArray(d.removed);
  if (!valid) return copy;
  const fields = { ...copy.fields, ...d.fields };
  for (const k of d.removed!) delete fields[k];
  // The delta carries the whole draft but its fields: a draft restored since the copy has no deletedAt.
  return { ...d.draft!, key: copy.key, fields };
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
    .map(([, v]) => withDelta(v as Draft, all[deltaKey((v as Draft).key)]));
  const instance = (await db.meta.get('instance'))?.value;
  if (typeof instance === 'string' && instance === all[INSTANCE]) {
    const keys = new Set((await db.drafts.toCollection().primaryKeys()) as string[]);
    const purged = copies.filter((c) => !keys.has(c.key)).flatMap((c) => [mirrorKey(c.key), deltaKey(c.key)]);
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
