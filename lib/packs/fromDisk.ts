import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePack } from './parsePack';
import type { RulePack } from './schema';

/** The repository's rule packs (rules/*.json), for the CLI and the bench. */
export const bundledPackDir = join(import.meta.dirname, '..', '..', 'rules');

export interface LoadedPacks {
  packs: RulePack[];
  /** One line per file that failed to read or validate; such a file contributes nothing. */
  errors: string[];
}

/** Node-only: reads every *.json of `dir` as a rule pack. A missing directory is no packs. */
export function loadPackDir(dir: string): LoadedPacks {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return { packs: [], errors: [] };
  }
  const result: LoadedPacks = { packs: [], errors: [] };
  for (const file of files) {
    const loaded = readPackFile(join(dir, file));
    if (loaded.ok) result.packs.push(loaded.pack);
    else result.errors.push(...loaded.errors.map((e) => `${file}: ${e}`));
  }
  return result;
}

export function readPackFile(path: string): { ok: true; pack: RulePack } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, errors: [`无法读取 JSON / cannot read JSON: ${(error as Error).message}`] };
  }
  return parsePack(json);
}
