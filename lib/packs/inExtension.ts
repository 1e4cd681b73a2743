import bundledJson from 'virtual:guidecheck/bundled-packs';
import type { RulePack } from './schema';

let packs: RulePack[] | undefined;

/**
 * The rule packs built into the extension (rules/*.json), for its pages. They were validated when the extension was
 * built (the build refuses an invalid one: scripts/support/bundledPacks.ts) and are trusted here: parsed from JSON
 * text on first use, without zod. The service worker fetches the same packs as a file instead (./bundledFile.ts), and
 * Node tools read the rule files with loadPackDir (./fromDisk.ts).
 */
export function loadBuiltInPacks(): RulePack[] {
  packs ??= JSON.parse(bundledJson) as RulePack[];
  return packs;
}
