import { isBookkeepingField } from '../core/vocabulary';
import type { DraftContent } from './content';

export interface FieldChange {
  key: string;
  /** undefined: the field did not exist on that side */
  before?: string;
  after?: string;
}

/** Fields that differ between two revisions (or drafts), sorted by field key. Pure. */
export function diffRevisions(a: Pick<DraftContent, 'fields'>, b: Pick<DraftContent, 'fields'>): FieldChange[] {
  const keys = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])]
    .filter((key) => !isBookkeepingField(key))
    .sort();
  return keys
    .filter((key) => a.fields[key] !== b.fields[key])
    .map((key) => ({ key, before: a.fields[key], after: b.fields[key] }));
}
