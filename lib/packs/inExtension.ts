import bundledJson from 'virtual:guidecheck/bundled-packs';
import type { RulePack } from './schema';

let packs: RulePack[] | undefined;

/**
 * The rule packs built into the extension (rules/*.json). They were validated when the extension was built (the
 * build refuses an invalid one: scripts/support/bundledPacks.ts) and are trusted here: parsed from JSON text on first
 * use, without zod, so a service worker's cold start does not validate them again. Node tools read the same files
 * with loadPackDir (./fromDisk.ts).
 */
export function loadBuiltInPacks(): RulePack[] {
  packs ??= JSON.parse(bundledJson) as RulePack[];
  return packs;
}
