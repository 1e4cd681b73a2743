import { findDirection, rulesFor } from '../engine/evaluate';
import type { RulePack } from '../packs/schema';
import {
  changedAtOf,
  isEmpty,
  itemOf,
  PART_NAMES,
  partsOf,
  samePart,
  writeParts,
  type ItemParts,
  type PartName,
} from './items';
import type { Share } from './model';
import { bilingual, refusal, type ShareRefusal } from './refusal';
import { latestBelievable, toSeconds } from './time';
import type { Bilingual, Checklist } from '../core/vocabulary';

/**
 * Merging a teammate's share into a local checklist, item by item (an item is one rule: its confirmation, document
 * status, acknowledgement and owner — the four "parts"):
 * - a part only the share has is added; a share never removes anything;
 * - a part both have with different content goes to the side whose item changed last (the latest `at` of its parts);
 * - when both changed within CLOCK_SKEW_SECONDS of each other, or one side's time is unknown (an item with only an
 *   owner: owners carry no time), or a time is later than the share was made or than now (beyond the clock skew of
 *   lib/clock/skew.ts, e.g. an item dated 2099), nobody can tell who was last: the item is a conflict, kept as it is locally until
 *   the user chooses with `resolveConflict`.
 * A share for another guideline (pack) or direction is refused before anything is merged; one made with another
 * version of the same pack is flagged and mapped by rule id, and rule ids this pack does not know are reported.
 */

/** Two computers' clocks differ by seconds to minutes: changes this close together are not ordered. */
export const CLOCK_SKEW_SECONDS = 120;

export interface MergeContext {
  packId: string;
  packVersion: number;
  direction: string;
  /** The rule ids of the local pack's direction (pack-wide rules included) */
  ruleIds: string[];
}

export interface ItemConflict {
  ruleId: string;
  /** The conflicting parts only, on each side */
  local: ItemParts;
  incoming: ItemParts;
  parts: PartName[];
}

export interface MergeFlags {
  otherPackVersion?: { theirs: number; ours: number };
  /** Rule ids of the share that the local pack's direction does not have: not merged */
  unknownRules: string[];
}

export interface MergeResult {
  ok: true;
  merged: Checklist;
  /** Items the merge changed (added or replaced parts) */
  applied: string[];
  conflicts: ItemConflict[];
  flags: MergeFlags;
  /** The flags as sentences for the import dialog */
  notices: Bilingual[];
}

/** Refuses a share for another guideline or direction; otherwise says what the import dialog should flag. */
export function checkShareTarget(
  share: Share,
  context: Omit<MergeContext, 'ruleIds'>,
): ShareRefusal | { ok: true; otherPackVersion?: { theirs: number; ours: number } } {
  if (share.packId !== context.packId) return refusal('otherGuideline', { theirs: share.packId, ours: context.packId });
  if (share.direction !== context.direction)
    return refusal('otherDirection', { theirs: share.direction, ours: context.direction });
  return share.packVersion === context.packVersion
    ? { ok: true }
    : { ok: true, otherPackVersion: { theirs: share.packVersion, ours: context.packVersion } };
}

export function mergeShare(
  local: Checklist,
  incoming: Share,
  context: MergeContext,
  now: Date = new Date(),
): MergeResult | ShareRefusal {
  const target = checkShareTarget(incoming, context);
  if (!target.ok) return target;
  const known = new Set(context.ruleIds);
  const flags: MergeFlags = {
    ...(target.otherPackVersion ? { otherPackVersion: target.otherPackVersion } : {}),
    unknownRules: [],
  };
  let merged = local;
  const applied: string[] = [];
  const conflicts: ItemConflict[] = [];
  for (const [ruleId, item] of Object.entries(incoming.items)) {
    const theirs = partsOf(item);
    if (!known.has(ruleId)) {
      if (!isEmpty(theirs)) flags.unknownRules.push(ruleId);
      continue;
    }
    const decision = decideItem(partsOf(itemOf(merged, ruleId)), theirs, {
      mine: latestBelievable(undefined, now),
      theirs: latestBelievable(incoming.sharedAt, now),
    });
    if (!isEmpty(decision.take)) {
      merged = writeParts(merged, ruleId, decision.take);
      applied.push(ruleId);
    }
    if (decision.conflict) conflicts.push({ ruleId, ...decision.conflict });
  }
  return { ok: true, merged, applied, conflicts, flags, notices: noticesOf(flags) };
}

/** What to take from the incoming item, and what is left for the user to choose. */
export function decideItem(
  mine: ItemParts,
  theirs: ItemParts,
  /** The latest believable time (seconds) on each side; later ones count as unknown (see latestBelievable). */
  believable: { mine: number; theirs: number } = { mine: Infinity, theirs: Infinity },
): { take: ItemParts; conflict?: Omit<ItemConflict, 'ruleId'> } {
  const differing = PART_NAMES.filter((p) => theirs[p] !== undefined && !samePart(mine[p], theirs[p]));
  const gaps = differing.filter((p) => mine[p] === undefined);
  const overlaps = differing.filter((p) => mine[p] !== undefined);
  if (overlaps.length === 0) return { take: pick(theirs, gaps) };
  const order = whoChangedLast(mine, theirs, believable);
  if (order === 'theirs') return { take: pick(theirs, differing) };
  if (order === 'mine') return { take: pick(theirs, gaps) };
  return {
    take: pick(theirs, gaps),
    conflict: { local: pick(mine, overlaps), incoming: pick(theirs, overlaps), parts: overlaps },
  };
}

function whoChangedLast(
  mine: ItemParts,
  theirs: ItemParts,
  believable: { mine: number; theirs: number },
): 'mine' | 'theirs' | 'unknown' {
  const a = changedAtOf(mine);
  const b = changedAtOf(theirs);
  if (a === undefined || b === undefined) return 'unknown';
  if (toSeconds(a) > believable.mine || toSeconds(b) > believable.theirs) return 'unknown';
  const difference = toSeconds(b) - toSeconds(a);
  if (Math.abs(difference) <= CLOCK_SKEW_SECONDS) return 'unknown';
  return difference > 0 ? 'theirs' : 'mine';
}

function pick(parts: ItemParts, names: PartName[]): ItemParts {
  const out: ItemParts = {};
  for (const name of names) if (parts[name] !== undefined) Object.assign(out, { [name]: parts[name] });
  return out;
}

/** The user's choice for one conflicting item: keep the local parts, or take the incoming ones. */
export function resolveConflict(result: MergeResult, ruleId: string, choice: 'local' | 'incoming'): MergeResult {
  const conflict = result.conflicts.find((c) => c.ruleId === ruleId);
  if (!conflict) return result;
  const conflicts = result.conflicts.filter((c) => c !== conflict);
  if (choice === 'local') return { ...result, conflicts };
  return {
    ...result,
    merged: writeParts(result.merged, ruleId, conflict.incoming),
    applied: result.applied.includes(ruleId) ? result.applied : [...result.applied, ruleId],
    conflicts,
  };
}

function noticesOf(flags: MergeFlags): Bilingual[] {
  const notices: Bilingual[] = [];
  if (flags.otherPackVersion) notices.push(bilingual('shareOtherPackVersion', flags.otherPackVersion));
  if (flags.unknownRules.length > 0)
    notices.push(bilingual('shareUnknownRules', { n: flags.unknownRules.length, ids: flags.unknownRules.join(', ') }));
  return notices;
}

/** The merge context of a local pack's direction. */
export function mergeContextFor(
  pack: RulePack,
  directionCode: string,
  layers: readonly RulePack[] = [],
): MergeContext | undefined {
  const direction = findDirection(pack, directionCode);
  return (
    direction && {
      packId: pack.id,
      packVersion: pack.version,
      direction: direction.code,
      ruleIds: rulesFor(pack, direction, layers).map((r) => r.id),
    }
  );
}
