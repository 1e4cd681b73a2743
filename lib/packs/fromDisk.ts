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

/** A JSON file as editors save it: a UTF-8 byte-order mark (Windows Notepad) is accepted. */
export function readJsonFile(path: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export function readPackFile(path: string): { ok: true; pack: RulePack } | { ok: false; errors: string[] } {
  const json = readJsonFile(path);
  if (!json.ok) return { ok: false, errors: [`无法读取 JSON / cannot read JSON: ${json.error}`] };
  return parsePack(json.value);
}

/** One pack per id, the highest version; each dropped version is reported through `note`. */
export function highestVersions(packs: RulePack[], note: (message: string) => void): RulePack[] {
  const byId = new Map<string, RulePack>();
  for (const pack of packs) {
    const seen = byId.get(pack.id);
    if (!seen) byId.set(pack.id, pack);
    else {
      const [kept, dropped] = seen.version >= pack.version ? [seen, pack] : [pack, seen];
      byId.set(pack.id, kept);
      note(
        `规则包 ${pack.id} 有两个版本，使用 v${kept.version}，忽略 v${dropped.version} / Pack ${pack.id}: using v${kept.version}, ignoring v${dropped.version}`,
      );
    }
  }
  return [...byId.values()];
}
