import { Dexie } from 'dexie';
import { contentOf } from './content';
import type { DraftDb } from './db';
import type { Draft, Revision, RevisionReason } from './model';
import { isRevisionWorthy, revisionsToPrune } from './revisionPolicy';

/** One draft's revisions, newest first. */
export async function listRevisions(db: DraftDb, key: string): Promise<Revision[]> {
  return (await byTime(db, key).toArray()).reverse();
}

export async function latestRevision(db: DraftDb, key: string): Promise<Revision | undefined> {
  return byTime(db, key).last();
}

/** Snapshots `draft` (call inside the writing transaction) and prunes that draft's history to its bound. */
export async function recordRevision(
  db: DraftDb,
  draft: Draft,
  reason: RevisionReason,
  at = draft.updatedAt,
): Promise<void> {
  await db.revisions.add({ key: draft.key, revision: draft.revision, at, reason, ...contentOf(draft) });
  await pruneRevisions(db, draft.key);
}

/** A save's revision, if the change is worth one (see isRevisionWorthy). */
export async function recordRevisionIfWorthy(db: DraftDb, draft: Draft): Promise<void> {
  if (isRevisionWorthy(await latestRevision(db, draft.key), draft, new Date(draft.updatedAt)))
    await recordRevision(db, draft, 'save');
}

async function pruneRevisions(db: DraftDb, key: string): Promise<void> {
  // Index keys and primary keys only: pruning must not read ~50 snapshots of 60 fields on every revision.
  const [indexKeys, ids] = await Promise.all([byTime(db, key).keys(), byTime(db, key).primaryKeys()]);
  // The [key+at] index: each index key is the pair, its second part the revision's time.
  const revisions = ids.map((id, i) => {
    const pair = indexKeys[i];
    return { id, at: Array.isArray(pair) ? String(pair[1]) : '' };
  });
  const doomed = revisionsToPrune(revisions);
  if (doomed.length) await db.revisions.bulkDelete(doomed);
}

function byTime(db: DraftDb, key: string) {
  return db.revisions.where('[key+at]').between([key, Dexie.minKey], [key, Dexie.maxKey]);
}
