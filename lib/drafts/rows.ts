import type { DraftDb } from './db';
import type { Draft } from './model';
import { emptyChecklist } from '../core/vocabulary';

/** A draft as the API sees it: the drafts row joined with its checklist row (split since schema v2). */
export async function readDraft(db: DraftDb, key: string): Promise<Draft | undefined> {
  const [row, checklist] = await Promise.all([db.drafts.get(key), db.checklists.get(key)]);
  if (!row) return undefined;
  return { ...row, checklist: checklist ? withoutKey(checklist) : emptyChecklist() };
}

export async function writeDraft(db: DraftDb, draft: Draft): Promise<void> {
  await Promise.all([writeRow(db, draft), db.checklists.put({ ...draft.checklist, key: draft.key })]);
}

/** The drafts row alone: the checklist row stays as it is (autosave of a keystroke that left it unchanged). */
export async function writeRow(db: DraftDb, draft: Draft): Promise<void> {
  const { checklist: _checklist, ...row } = draft;
  await db.drafts.put(row);
}

export function withoutKey<T extends { key: string }>(row: T): Omit<T, 'key'> {
  const { key: _key, ...rest } = row;
  return rest;
}
