import { jsonEqual } from '../core/equal';
import type { Draft } from './model';

/** The part of a draft a revision snapshots and a restore brings back. */
export type DraftContent = Pick<Draft, 'title' | 'guideline' | 'direction' | 'fields' | 'checklist'>;

export function contentOf(source: DraftContent): DraftContent {
  const { title, guideline, direction, fields, checklist } = source;
  return { title, guideline, direction, fields, checklist };
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return jsonEqual(contentOf(a), contentOf(b));
}
