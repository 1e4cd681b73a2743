import { parsePack } from './parsePack';
import type { RulePack } from './schema';

/**
 * The rule packs built into the extension (rules/*.json, bundled by Vite), validated once in the
 * background or an extension page. A pack that fails validation is left out and reported, never half-loaded.
 * Node tools read the same files with loadPackDir (./fromDisk.ts).
 */
const files = import.meta.glob<unknown>('/rules/*.json', { eager: true, import: 'default' });

export function loadBuiltInPacks(report: (message: string) => void = console.error): RulePack[] {
  const packs: RulePack[] = [];
  for (const [file, json] of Object.entries(files)) {
    const parsed = parsePack(json);
    if (parsed.ok) packs.push(parsed.pack);
    else report(`GuideCheck: built-in pack ${file} is invalid: ${parsed.errors.join('; ')}`);
  }
  return packs;
}
