import { z } from 'zod';
import { contentOf, type DraftContent } from './content';
import { type DraftBookkeeping, type DraftDb, quotaGuard } from './db';
import { type FieldWriters, afterSave, forFields, writerOf, writersOf } from './fieldWriters';
import { Draft, type Revision } from './model';
import { parseWithProblems, type Problem } from '../core/issues';
import { latestRevision, latestRevisionId, recordRevision } from './revisions';
import { isRevisionWorthy } from './revisionPolicy';
import { jsonEqual } from '../core/equal';
import { readDraft, withoutKey, writeDraft, writeRow } from './rows';
import { emptyChecklist, isBookkeepingField } from '../core/vocabulary';
import { ChecklistSchema } from '../core/schemas';

/**
 * A save carries only what changed: `fields` are merged into the stored ones (the content script posts the fields
 * it saw change); `removeFields` drops keys. `checklist`, when given, replaces the whole checklist (the pages that
 * edit it hold all of it). `baseRevision` makes the save a compare-and-set; without it the save merges
 * unconditionally (autosave of a single tab).
 */
export const SaveDraftInput = z.object({
  key: Draft.shape.key,
  host: Draft.shape.host,
  applicationId: Draft.shape.applicationId,
  title: Draft.shape.title.optional(),
  guideline: Draft.shape.guideline,
  direction: Draft.shape.direction,
  fields: Draft.shape.fields.optional(),
  removeFields: z.array(z.string()).optional(),
  checklist: ChecklistSchema.optional(),
  baseRevision: z.number().int().nonnegative().optional(),
  /** One page load of the form (autosave): its own earlier writes never count as someone else's */
  writer: z.string().min(1).max(100).optional(),
  /** The writer's change number: a change already committed is acknowledged again, not written again */
  seq: z.number().int().nonnegative().optional(),
  /**
   * Per field, the value this writer last knew the draft to hold (null: absent). With bases the save merges field by
   * field: a field nobody else changed since is written, one another writer changed meanwhile is held back (see
   * SaveDraftResult.held); `baseRevision` is then not used.
   */
  bases: z.record(z.string().max(300), z.string().max(100_000).nullable()).optional(),
});
export type SaveDraftInput = z.input<typeof SaveDraftInput>;

export type SaveDraftResult =
  /** `held`: fields another writer changed since this one last saw them, with their stored value; not written */
  | { ok: true; draft: Draft; held?: Record<string, string> }
  | { ok: false; conflict: { current: Draft } }
  | { ok: false; error: 'quota' }
  | { ok: false; error: 'invalid'; problems: Problem[] };

/**
 * Saves in one read-write transaction: a stale `baseRevision` never overwrites a newer draft (the caller gets the
 * current draft back instead). On QuotaExceededError nothing is written and the caller keeps its in-memory copy.
 * A save to a soft-deleted draft restores it: somebody is working on that application again.
 *
 * `cache` (autosave in the background): the draft as last committed and its latest revision, kept in memory, so a
 * keystroke's transaction issues its writes at once instead of waiting for reads first (see saveKnown).
 */
export async function saveDraft(db: DraftDb, raw: SaveDraftInput, cache?: DraftCache): Promise<SaveDraftResult> {
  const parsed = parseWithProblems(SaveDraftInput, raw, 'draft');
  if (!parsed.success) return { ok: false, error: 'invalid', problems: parsed.problems };
  const input = parsed.data;
  const cached = cache?.get(input.key);
  const fast = cached
    ? await saveKnown(db, input, cached).catch((error: unknown) => {
        if (error instanceof StaleCache) return undefined;
        cache?.delete(input.key);
        throw error;
      })
    : undefined;
  const { result, next } = fast ?? (await saveStored(db, input));
  if (next) cache?.set(input.key, next);
  else cache?.delete(input.key);
  return result;
}

/** A save planned on the stored draft, read in its own transaction. */
async function saveStored(db: DraftDb, input: z.output<typeof SaveDraftInput>): Promise<Saved> {
  const outcome = await quotaGuard(() =>
    db.transaction('rw', [db.drafts, db.checklists, db.revisions], async (): Promise<Saved> => {
      const current: (Draft & DraftBookkeeping) | undefined = await readDraft(db, input.key);
      const step = plan(db, current, input);
      if (!('draft' in step)) return { result: step.result };
      await writeDraft(db, step.draft);
      let last = await latestRevision(db, input.key);
      if (isRevisionWorthy(last, step.draft, new Date(step.draft.updatedAt)))
        last = await recordRevision(db, step.draft, 'save');
      return { result: step.result, next: { draft: step.draft, lastRevision: last && revisionContent(last) } };
    }),
  );
  return 'error' in outcome ? { result: outcome } : outcome;
}

/** A save's answer, and the draft it committed (none when it wrote nothing) */
interface Saved {
  result: SaveDraftResult;
  next?: CachedDraft;
}

/** What a save does to `current`: nothing (an answer without a write), or the next revision of the draft. */
function plan(
  db: DraftDb,
  current: (Draft & DraftBookkeeping) | undefined,
  input: z.output<typeof SaveDraftInput>,
): { result: SaveDraftResult } | { result: SaveDraftResult & { ok: true }; draft: Draft & DraftBookkeeping } {
  const writer = input.writer;
  if (current && writer && input.seq !== undefined && input.seq <= (current.writerSeqs?.[writer] ?? -1))
    return { result: { ok: true, draft: current } }; // resent after a lost acknowledgement: already committed
  if (current && !input.bases && input.baseRevision !== undefined && input.baseRevision !== current.revision)
    return { result: { ok: false, conflict: { current } } };
  const writers = writersOf(current);
  const { fields, held, written } = mergeFields(current, writers, input);
  for (const k of input.removeFields ?? []) delete fields[k];
  const content: DraftContent = {
    title: input.title ?? current?.title ?? input.applicationId,
    guideline: input.guideline ?? current?.guideline,
    direction: input.direction ?? current?.direction,
    fields,
    checklist: input.checklist ?? current?.checklist ?? emptyChecklist(),
  };
  const heldOut = Object.keys(held).length ? { held } : {};
  if (current && !current.deletedAt && leavesAsIs(current, content, written, input.removeFields))
    return { result: { ok: true, draft: current, ...heldOut } };
  const draft = nextDraft(
    db,
    current,
    { key: input.key, host: input.host, applicationId: input.applicationId, ...content },
    undefined,
    writer
      ? bookkeeping(
          current,
          writer,
          input.seq,
          afterSave(writers, writer, written, input.removeFields ?? [], current?.fields ?? {}, fields),
        )
      : undefined,
  );
  return { result: { ok: true, draft, ...heldOut }, draft };
}

/**
 * Whether a save leaves the draft's content as it is. Only the fields it wrote or removed can differ, so only those
 * are compared: a keystroke's commit on a 2,000-field draft does not walk the other fields.
 */
function leavesAsIs(current: Draft, content: DraftContent, written: string[], removed: string[] = []): boolean {
  return (
    current.title === content.title &&
    current.guideline === content.guideline &&
    current.direction === content.direction &&
    written.every((k) => content.fields[k] === current.fields[k]) &&
    removed.every((k) => !Object.hasOwn(current.fields, k)) &&
    jsonEqual(current.checklist, content.checklist)
  );
}

/** The draft as autosave last committed it, and the id and content of its latest revision (none: undefined). */
export interface CachedDraft {
  draft: Draft & DraftBookkeeping;
  lastRevision: (DraftContent & { id?: number; at: string }) | undefined;
}

export interface DraftCache {
  get(key: string): CachedDraft | undefined;
  set(key: string, value: CachedDraft): void;
  delete(key: string): void;
  clear(): void;
}

/** The drafts the background autosaved last, at most `limit` of them (a user types in a few at a time). */
export function createDraftCache(limit = 20): DraftCache {
  const drafts = new Map<string, CachedDraft>();
  return {
    get: (key) => drafts.get(key),
    set(key, value) {
      drafts.delete(key); // re-inserted last: the least recently saved goes first
      drafts.set(key, value);
      for (const oldest of drafts.keys()) {
        if (drafts.size <= limit) break;
        drafts.delete(oldest);
      }
    },
    delete: (key) => void drafts.delete(key),
    clear: () => drafts.clear(),
  };
}

/** The cached draft is not what is stored: the save runs again on the stored one */
class StaleCache extends Error {}

function revisionContent(r: Revision): CachedDraft['lastRevision'] {
  return { id: r.id, at: r.at, ...contentOf(r) };
}

/**
 * A save planned on the cached draft. Its transaction issues the checks (the stored row and the id of the latest
 * revision) and the writes together, and only then awaits them: requests run in order, so the checks see the state
 * before the writes. If anything else wrote the draft meanwhile (the options page, an import, a wiped database) a
 * check differs and the transaction is aborted, nothing written; the save then runs again on what is stored. A save
 * that would write nothing (already committed, a conflict, no change) runs on what is stored, never on the cache.
 * Only stores it writes are in the transaction: the checklist only when it changed.
 */
async function saveKnown(
  db: DraftDb,
  input: z.output<typeof SaveDraftInput>,
  cached: CachedDraft,
): Promise<Saved | undefined> {
  const step = plan(db, cached.draft, input);
  if (!('draft' in step)) return undefined;
  const { draft } = step;
  const checklistChanged = !jsonEqual(cached.draft.checklist, draft.checklist);
  const worthy = isRevisionWorthy(cached.lastRevision, draft, new Date(draft.updatedAt));
  const outcome = await quotaGuard(() =>
    db.transaction(
      'rw',
      checklistChanged ? [db.drafts, db.checklists, db.revisions] : [db.drafts, db.revisions],
      async () => {
        const checks = Promise.all([db.drafts.get(input.key), latestRevisionId(db, input.key)]);
        const writes = checklistChanged ? writeDraft(db, draft) : writeRow(db, draft);
        writes.catch(() => {}); // awaited below; when a check fails the abort rejects it, and that is expected
        const [row, lastId] = await checks;
        const { revision, updatedAt } = cached.draft;
        if (row?.revision !== revision || row.updatedAt !== updatedAt || row.deletedAt) throw new StaleCache();
        if (lastId !== cached.lastRevision?.id) throw new StaleCache();
        await writes;
        return worthy ? revisionContent(await recordRevision(db, draft, 'save')) : cached.lastRevision;
      },
    ),
  );
  if (outcome && 'error' in outcome) return { result: outcome };
  return { result: step.result, next: { draft, lastRevision: outcome } };
}

/**
 * The fields after a save. Without bases every posted field is written. With bases a field is written when the
 * writer's value differs from the stored one and either the stored value is still the one the writer knew, or the
 * writer itself wrote it last (its own newer revisions are no conflict). A field another writer changed meanwhile is
 * held back with the stored value, unless this writer left it as it knew it (then the other writer's value stays).
 */
function mergeFields(
  current: (Draft & DraftBookkeeping) | undefined,
  writers: FieldWriters,
  input: z.output<typeof SaveDraftInput>,
): { fields: Record<string, string>; held: Record<string, string>; written: string[] } {
  const fields = { ...current?.fields };
  const held: Record<string, string> = {};
  const written: string[] = [];
  for (const [k, value] of Object.entries(input.fields ?? {})) {
    const stored = fields[k];
    if (stored === value) continue;
    const base = input.bases && k in input.bases ? input.bases[k] : undefined;
    const free =
      !input.bases ||
      base === undefined ||
      (base ?? undefined) === stored ||
      (!!input.writer && writerOf(writers, current?.fields ?? {}, k) === input.writer);
    if (free) {
      fields[k] = value;
      written.push(k);
    } else if (isBookkeepingField(k)) {
      // What a page noted about the form (sections, labels, 元 fields), not what the user typed: never a choice for them.
      fields[k] = mergedBookkeeping(stored, value);
      written.push(k);
    } else if (value !== (base ?? '') && stored !== undefined) held[k] = stored;
  }
  return { fields, held, written };
}

/** Two tabs' notes as JSON maps keep both (the writer's entry wins where both have one); any other note is the writer's. */
function mergedBookkeeping(stored: string | undefined, value: string): string {
  const map = (text: string | undefined): Record<string, unknown> | undefined => {
    try {
      const parsed: unknown = JSON.parse(text ?? '');
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  };
  const [before, after] = [map(stored), map(value)];
  return before && after ? JSON.stringify({ ...before, ...after }) : value;
}

/** How many writers' change numbers a draft remembers: a page load older than that has long been acknowledged. */
const KEEP_WRITERS = 20;

function bookkeeping(
  current: DraftBookkeeping | undefined,
  writer: string,
  seq: number | undefined,
  writers: FieldWriters,
): DraftBookkeeping {
  const seqs = Object.entries({ ...current?.writerSeqs }).filter(([w]) => w !== writer);
  if (seq !== undefined) seqs.push([writer, seq]);
  return { writers, writerSeqs: Object.fromEntries(seqs.slice(-KEEP_WRITERS)) };
}

/**
 * Writes the next revision of a draft (call inside a rw transaction on drafts, checklists, revisions). Revision
 * numbers only grow; the result is never soft-deleted; `updatedAt` may be given (an imported draft keeps its own time).
 */
export async function commitDraft(
  db: DraftDb,
  current: Draft | undefined,
  next: Pick<Draft, 'key' | 'host' | 'applicationId'> & DraftContent,
  updatedAt = db.now().toISOString(),
  written?: DraftBookkeeping,
): Promise<Draft> {
  const draft = nextDraft(db, current, next, updatedAt, written);
  await writeDraft(db, draft);
  return draft;
}

/** The next revision of a draft, as commitDraft writes it. */
function nextDraft(
  db: DraftDb,
  current: Draft | undefined,
  next: Pick<Draft, 'key' | 'host' | 'applicationId'> & DraftContent,
  updatedAt = db.now().toISOString(),
  written?: DraftBookkeeping,
): Draft & DraftBookkeeping {
  // Properties we do not know (written by another version) stay on the row; bookkeeping is replaced when given (the
  // plain writer map of older rows with it). Fields changed without a writer keep every field's writer as it was.
  const {
    checklist: _checklist,
    deletedAt: _deletedAt,
    ...kept
  } = (current ?? {}) as Partial<Draft & DraftBookkeeping>;
  if (written) delete kept.fieldWriters;
  else if (kept.writers) kept.writers = forFields(kept.writers, current?.fields ?? {}, next.fields);
  return {
    ...kept,
    ...written,
    key: next.key,
    host: next.host,
    applicationId: next.applicationId,
    ...contentOf(next),
    revision: (current?.revision ?? 0) + 1,
    createdAt: current?.createdAt ?? updatedAt,
    updatedAt,
  };
}

export function getDraft(db: DraftDb, key: string): Promise<Draft | undefined> {
  return db.transaction('r', [db.drafts, db.checklists], () => readDraft(db, key));
}

/**
 * Drafts, most recently updated first. `search` matches title, application id, key, guideline and direction,
 * and the principal investigator and lead unit as typed in the form (case- and width-insensitive: ＡＢ１ finds ab1).
 */
export async function listDrafts(
  db: DraftDb,
  options: { search?: string; includeDeleted?: boolean } = {},
): Promise<Draft[]> {
  const needle = normalise(options.search ?? '');
  return db.transaction('r', [db.drafts, db.checklists], async () => {
    const rows = (await db.drafts.orderBy('updatedAt').reverse().toArray()).filter(
      (row) =>
        (options.includeDeleted || !row.deletedAt) &&
        (!needle ||
          [
            row.title,
            row.applicationId,
            row.key,
            row.guideline ?? '',
            row.direction ?? '',
            row.fields['pi.name'] ?? '',
            row.fields['leadUnit.name'] ?? '',
          ].some((s) => normalise(s).includes(needle))),
    );
    const checklists = await db.checklists.bulkGet(rows.map((row) => row.key));
    return rows.map((row, i) => {
      const checklist = checklists[i];
      return { ...row, checklist: checklist ? withoutKey(checklist) : emptyChecklist() };
    });
  });
}

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

export type RenameResult = SaveDraftResult | { ok: false; error: 'notFound' };

export async function renameDraft(db: DraftDb, key: string, title: string): Promise<RenameResult> {
  const current = await getDraft(db, key);
  if (!current) return { ok: false, error: 'notFound' };
  return saveDraft(db, {
    key,
    host: current.host,
    applicationId: current.applicationId,
    title,
    baseRevision: current.revision,
  });
}

/** Soft delete: the draft leaves the list but stays restorable with `undoDelete` until `purgeDeleted`. */
export async function deleteDraft(db: DraftDb, key: string): Promise<boolean> {
  return (await db.drafts.update(key, { deletedAt: db.now().toISOString() })) > 0;
}

export async function undoDelete(db: DraftDb, key: string): Promise<boolean> {
  return (await db.drafts.update(key, { deletedAt: undefined })) > 0;
}

/** A deleted draft stays restorable for a day (撤销 on the options page, or its next visit), then it is purged. */
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Removes for good the drafts deleted before `before`, with their checklists and revisions. Returns their keys. */
export async function purgeDeleted(db: DraftDb, before: Date): Promise<string[]> {
  return db.transaction('rw', [db.drafts, db.checklists, db.revisions], async () => {
    const keys = (await db.drafts.where('deletedAt').below(before.toISOString()).primaryKeys()) as string[];
    await db.drafts.bulkDelete(keys);
    await db.checklists.bulkDelete(keys);
    await db.revisions.where('key').anyOf(keys).delete();
    return keys;
  });
}

export type RestoreResult = { ok: true; draft: Draft } | { ok: false; error: 'notFound' | 'quota' };

/**
 * Brings back a revision's content as a new revision. History is never destroyed: if the current state is not yet a
 * revision it is recorded first ('beforeRestore'), so the restore itself can be undone.
 */
/**
 * Brings a revision's content back. The checklist (confirmations, documents, reasons, owners) is the team's work
 * since, so it stays as it is unless `withChecklist` asks for the revision's own.
 */
export async function restoreRevision(
  db: DraftDb,
  key: string,
  revisionId: number,
  { withChecklist = false }: { withChecklist?: boolean } = {},
): Promise<RestoreResult> {
  return quotaGuard(() =>
    db.transaction('rw', [db.drafts, db.checklists, db.revisions], async (): Promise<RestoreResult> => {
      const [current, revision] = await Promise.all([readDraft(db, key), db.revisions.get(revisionId)]);
      if (!current || !revision || revision.key !== key) return { ok: false, error: 'notFound' };
      if ((await latestRevision(db, key))?.revision !== current.revision)
        await recordRevision(db, current, 'beforeRestore');
      const content = contentOf(revision);
      const draft = await commitDraft(db, current, {
        ...current,
        ...content,
        checklist: withChecklist ? content.checklist : current.checklist,
      });
      await recordRevision(db, draft, 'restore');
      return { ok: true, draft };
    }),
  );
}
