import { Dexie } from 'dexie';
import { contentOf } from './content';
import type { DraftDb } from './db';
import type { Draft, Revision, RevisionReason } from './model';
import { revisionsToPrune } from './revisionPolicy';

/** One draft's revisions, newest first. */
export async function listRevisions(db: DraftDb, key: string): Promise<Revision[]> {
  return (await byTime(db, key).toArray()).reverse();
}

export async function latestRevision(db: DraftDb, key: string): Promise<Revision | undefined> {
  return byTime(db, key).last();
}

/** The id of a draft's latest revision (undefined: none), from the index alone. */
export async function latestRevisionId(db: DraftDb, key: string): Promise<number | undefined> {
  return (await byTime(db, key).reverse().limit(1).primaryKeys())[0];
}

/** Snapshots `draft` (call inside the writing transaction) and prunes that draft's history to its bound. */
export async function recordRevision(
  db: DraftDb,
  draft: Draft,
  reason: RevisionReason,
  at = draft.updatedAt,
): Promise<Revision> {
  const revision: Revision = { key: draft.key, revision: draft.revision, at, reason, ...contentOf(draft) };
  revision.id = await db.revisions.add(revision);
  await pruneRevisions(db, draft.key);
  return revision;
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
