import type { RulePack, Text } from './schema';

/**
 * Where a pack in use comes from: built into the extension, an institution's policy feed, or a feed the user
 * subscribed to. Zod-free: the content script receives these with the packs.
 */
export type PackOrigin = 'bundled' | 'policy' | 'user';

/** A pack in use with its origin and freshness, as the background hands it to the overlay and the report. */
export interface ActivePack {
  pack: RulePack;
  origin: PackOrigin;
  /** The feed's name (扩展内置 / bundled for a bundled pack) */
  sourceName: string;
  /** Past its `expires` date (the last valid version stays in use) */
  expired: boolean;
  /** Its feed has produced no fresh signed timestamp for `staleDays` days */
  stale: boolean;
  staleDays: number;
}

/** What the panel, popup and report say about a pack: no rules, just who made it and whether it is current. */
export interface PackSummary {
  id: string;
  title: Text;
  version: number;
  expires: string;
  origin: PackOrigin;
  sourceName: string;
  expired: boolean;
  stale: boolean;
  staleDays: number;
}

export function summarizePack({ pack, origin, sourceName, expired, stale, staleDays }: ActivePack): PackSummary {
  return {
    id: pack.id,
    title: pack.title,
    version: pack.version,
    expires: pack.expires,
    origin,
    sourceName,
    expired,
    stale,
    staleDays,
  };
}

/**
 * The packs whose rules apply to a direction of `guideline`: the guideline itself, then each other active pack
 * that adds to it (an institution's 通用条件 or an `extends` of this direction), in the order given.
 */
export function layersFor(guideline: RulePack, directionCode: string, active: readonly RulePack[]): RulePack[] {
  return active.filter(
    (p) =>
      p.id !== guideline.id &&
      ((!p.directions.length && p.rules.length > 0) ||
        (p.extends ?? []).some((e) => e.pack === guideline.id && e.directions.some((d) => d.code === directionCode))),
  );
}
