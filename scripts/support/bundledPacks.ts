// The rule packs built into the extension, validated when it is built: rules/*.json go through parsePack (schema,
// then conventions) here, and one invalid pack fails the build with its errors. The extension receives the validated
// packs (defaults filled in) as one JSON text, parsed on first use and trusted: no zod and no 200 KB object literal
// on the service worker's way to its first answer.
import type { Plugin } from 'vite';
import { bundledPackDir, loadPackDir } from '../../lib/packs/fromDisk';

export const BUNDLED_PACKS_MODULE = 'virtual:guidecheck/bundled-packs';
const RESOLVED = `\0${BUNDLED_PACKS_MODULE}`;

/** The module's source: the validated packs of `dir` as JSON text, or the errors that refuse them. */
export function bundledPacksSource(dir = bundledPackDir): { ok: true; code: string } | { ok: false; errors: string[] } {
  const { packs, errors } = loadPackDir(dir);
  if (errors.length) return { ok: false, errors };
  return { ok: true, code: `export default ${JSON.stringify(JSON.stringify(packs))};` };
}

export function bundledPacks(dir?: string): Plugin {
  return {
    name: 'guidecheck:bundled-packs',
    resolveId: (id) => (id === BUNDLED_PACKS_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const source = bundledPacksSource(dir);
      if (!source.ok)
        this.error(
          `内置规则包无效，扩展未构建 / a bundled rule pack is invalid, the extension was not built:\n${source.errors.join('\n')}`,
        );
      return source.code;
    },
  };
}
