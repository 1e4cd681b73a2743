import type { DraftContent } from './content';
import { jsonEqual } from '../core/equal';

/** Autosave writes the draft row on every change; history keeps only the changes worth going back to. */
export const REVISION_SPACING_MS = 30_000;
/** Bounding: the last KEEP_LAST revisions, plus the latest revision of every earlier day. */
export const KEEP_LAST = 50;

/**
 * Whether saving `next` at `now` adds a revision, given the latest one kept: always for the first, never for no change;
 * otherwise when 30 s have passed, a field's content was removed, the guideline/direction changed or the checklist
 * changed (a checklist change is a deliberate act by a team member, not a keystroke). A field filled for the first
 * time is typing like any other: filling a form field after field adds no revision per field.
 */
export function isRevisionWorthy(
  last: (DraftContent & { at: string }) | undefined,
  next: DraftContent,
  now: Date,
): boolean {
  if (!last) return true;
  if (sameMeaning(last, next)) return false;
  if (now.getTime() - Date.parse(last.at) >= REVISION_SPACING_MS) return true;
  if (removedAny(last.fields, next.fields)) return true;
  if (last.guideline !== next.guideline || last.direction !== next.direction) return true;
  return !jsonEqual(last.checklist, next.checklist);
}

/**
 * What a person would call the same document: the same title, direction and checklist, and the same field
 * contents once surrounding spaces are trimmed and empty fields left out (a field the page shows empty, then
 * drops, is no change).
 */
export function sameMeaning(a: DraftContent, b: DraftContent): boolean {
  return (
    a.title.trim() === b.title.trim() &&
    a.guideline === b.guideline &&
    a.direction === b.direction &&
    sameFieldContents(a.fields, b.fields) &&
    jsonEqual(a.checklist, b.checklist)
  );
}

/**
 * Fields compared trimmed, empty ones left out. In place, without copies or sorting: every keystroke's commit runs this
 * on all the draft's fields (2,000 on a large form), where four sorted copies cost the worker more than the write.
 */
function sameFieldContents(a: Record<string, string>, b: Record<string, string>): boolean {
  let meaningful = 0;
  for (const key in a) {
    const value = a[key]!.trim();
    if (!value) continue;
    meaningful++;
    if (b[key]?.trim() !== value) return false;
  }
  for (const key in b) if (b[key]!.trim()) meaningful--;
  return meaningful === 0;
}

/** Whether a field that had content before has none after (removed, or emptied). */
function removedAny(before: Record<string, string>, after: Record<string, string>): boolean {
  for (const key in before) if (before[key]!.trim() && !after[key]?.trim()) return true;
  return false;
}

/**
 * The history as the user reads it, newest first: the current state on top (so the newest entry is always what
 * the draft holds now), then each older revision that differs in meaning from the entry shown above it.
 */
export function historyEntries<R extends DraftContent & { revision: number }>(
  current: DraftContent & { revision: number; updatedAt: string },
  revisionsNewestFirst: readonly R[],
): ({ current: true; revision: number; at: string } | { current: false; entry: R })[] {
  const entries: ({ current: true; revision: number; at: string } | { current: false; entry: R })[] = [
    { current: true, revision: current.revision, at: current.updatedAt },
  ];
  let above: DraftContent = current;
  for (const r of revisionsNewestFirst) {
    if (sameMeaning(above, r)) continue;
    entries.push({ current: false, entry: r });
    above = r;
  }
  return entries;
}

/** Ids of revisions to delete; `revisions` are one draft's, oldest first. */
export function revisionsToPrune(revisions: readonly { id: number; at: string }[], keepLast = KEEP_LAST): number[] {
  const keep = new Set(revisions.slice(-keepLast).map((r) => r.id));
  const latestOfDay = new Map<string, number>();
  for (const r of revisions) latestOfDay.set(localDay(r.at), r.id);
  for (const id of latestOfDay.values()) keep.add(id);
  return revisions.filter((r) => !keep.has(r.id)).map((r) => r.id);
}

/** The user's calendar day (applicants think in Beijing days, not UTC ones). */
function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}
