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
 * What the content script needs of a pack before it knows the page's direction: enough to match the direction and
 * to tell which packs add rules to it, without the rules themselves (those come by key once the direction is known).
 */
export interface PackOutline {
  id: string;
  version: number;
  source: { year: number };
  directions: { code: string; title: Text }[];
  /** A pack without directions whose rules apply to every direction of every guideline (an institution's 通用条件) */
  general: boolean;
  extends?: { pack: string; directions: { code: string }[] }[];
}

export function outlineOf(pack: RulePack): PackOutline {
  return {
    id: pack.id,
    version: pack.version,
    source: { year: pack.source.year },
    directions: pack.directions.map((d) => ({ code: d.code, title: d.title })),
    general: !pack.directions.length && pack.rules.length > 0,
    ...(pack.extends && {
      extends: pack.extends.map((e) => ({ pack: e.pack, directions: e.directions.map((d) => ({ code: d.code })) })),
    }),
  };
}

/** A bundled pack as the service worker knows it before reading it: its outline and what its summary shows. */
export interface BundledOutline {
  outline: PackOutline;
  title: Text;
  expires: string;
}

export function bundledOutline(pack: RulePack): BundledOutline {
  return { outline: outlineOf(pack), title: pack.title, expires: pack.expires };
}

/** One pack in the background's answer to getPacks: what the panel and popup show, and its outline. */
export interface PackIndexEntry {
  summary: PackSummary;
  outline: PackOutline;
}

export function indexEntry(active: ActivePack): PackIndexEntry {
  return { summary: summarizePack(active), outline: outlineOf(active.pack) };
}

/** Whether `p` adds rules to a direction of `guidelineId`: an institution's 通用条件, or an `extends` of it. */
export function addsTo(p: PackOutline, guidelineId: string, directionCode: string): boolean {
  return (
    p.id !== guidelineId &&
    (p.general ||
      (p.extends ?? []).some((e) => e.pack === guidelineId && e.directions.some((d) => d.code === directionCode)))
  );
}

/**
 * The packs whose rules apply to a direction of `guideline`: the guideline itself, then each other active pack
 * that adds to it (an institution's 通用条件 or an `extends` of this direction), in the order given.
 */
export function layersFor(guideline: RulePack, directionCode: string, active: readonly RulePack[]): RulePack[] {
  return active.filter((p) => addsTo(outlineOf(p), guideline.id, directionCode));
}
