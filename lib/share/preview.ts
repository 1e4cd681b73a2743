import type { Finding } from '../engine/finding';
import type { Direction, RulePack } from '../packs/schema';
import { mergeContextFor, mergeShare, resolveConflict, type MergeResult } from './merge';
import type { Share } from './model';
import { refusal, type ShareRefusal } from './refusal';
import type { Checklist } from '../core/vocabulary';

/** What an import is merged into: the checklist of the direction the panel shows, and its findings. */
export interface ShareState {
  direction?: { pack: RulePack; direction: Direction };
  /** Institution layers adding rules to the direction: their items merge like the guideline's */
  layers?: readonly RulePack[];
  findings: Finding[];
  checklist: Checklist;
}

export type ImportPreview = { ok: true; share: Share; result: MergeResult } | ShareRefusal;

/** A share as decoded (and validated) by the background: lib/share/code.ts readShareText. */
export type ReadShare = { ok: true; share: Share } | ShareRefusal;

/**
 * What importing a decoded share would do to the current checklist: a refusal with its reason (wrong code, other
 * guideline or direction), or the merge result with its applied items, flags and conflicts. Nothing is changed here.
 */
export function previewImport(read: ReadShare, state: ShareState): ImportPreview {
  if (!read.ok) return read;
  const merged = mergeIntoState(read.share, state);
  return merged.ok ? { ok: true, share: read.share, result: merged } : merged;
}

export type ConflictChoice = 'local' | 'incoming';

/**
 * The checklist after the import, merged again into the checklist as it is now (the user may have ticked something
 * since the preview), with the user's choice per conflict; a conflict left unchosen keeps the local parts.
 */
export function checklistAfterImport(
  share: Share,
  state: ShareState,
  choices: Record<string, ConflictChoice>,
): { ok: true; checklist: Checklist; applied: number } | ShareRefusal {
  const merged = mergeIntoState(share, state);
  if (!merged.ok) return merged;
  let result = merged;
  for (const conflict of merged.conflicts)
    result = resolveConflict(result, conflict.ruleId, choices[conflict.ruleId] ?? 'local');
  return { ok: true, checklist: result.merged, applied: result.applied.length };
}

function mergeIntoState(share: Share, state: ShareState): MergeResult | ShareRefusal {
  const match = state.direction;
  const context = match && mergeContextFor(match.pack, match.direction.code, state.layers);
  if (!context) return refusal('otherDirection', { theirs: share.direction, ours: '—' });
  return mergeShare(state.checklist, share, context);
}
