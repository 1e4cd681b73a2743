import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePack } from '@/lib/packs/parsePack';
import type { RulePack } from '@/lib/packs/schema';

/** The small test pack test/fixtures/packs/mini.json (directions 1.7 and 1.8 of the 2019 guideline), validated. */
export function miniPackJson(): unknown {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/packs/mini.json'), 'utf8'));
}

export function miniPack(): RulePack {
  const result = parsePack(miniPackJson());
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}
