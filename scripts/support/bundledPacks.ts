// The rule packs built into the extension, validated when it is built: rules/*.json go through parsePack (schema,
// then conventions) here, and one invalid pack fails the build with its errors. The extension receives the validated
// packs (defaults filled in) as one JSON text, parsed on first use and trusted: no zod and no 200 KB object literal
// on the service worker's way to its first answer. The extension pages import it as a module; the service worker
// fetches the same text as a file (lib/packs/bundledFile.ts), so its script does not carry it.
import type { Plugin } from 'vite';
import { BUNDLED_PACKS_FILE } from '../../lib/packs/bundledFile';
import { bundledPackDir, loadPackDir } from '../../lib/packs/fromDisk';

export const BUNDLED_PACKS_MODULE = 'virtual:guidecheck/bundled-packs';
const RESOLVED = `\0${BUNDLED_PACKS_MODULE}`;

/** The module's source and the file's text: the validated packs of `dir` as JSON, or the errors that refuse them. */
export function bundledPacksSource(
  dir = bundledPackDir,
): { ok: true; code: string; json: string } | { ok: false; errors: string[] } {
  const { packs, errors } = loadPackDir(dir);
  if (errors.length) return { ok: false, errors };
  const json = JSON.stringify(packs);
  return { ok: true, code: `export default ${JSON.stringify(json)};`, json };
}

const refused = (errors: string[]) =>
  `内置规则包无效，扩展未构建 / a bundled rule pack is invalid, the extension was not built:\n${errors.join('\n')}`;

export function bundledPacks(dir?: string): Plugin {
  return {
    name: 'guidecheck:bundled-packs',
    resolveId: (id) => (id === BUNDLED_PACKS_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const source = bundledPacksSource(dir);
      if (!source.ok) this.error(refused(source.errors));
      return source.code;
    },
    // Every build of the extension writes the same file (WXT builds the worker, the pages and the content script apart).
    generateBundle() {
      const source = bundledPacksSource(dir);
      if (!source.ok) this.error(refused(source.errors));
      this.emitFile({ type: 'asset', fileName: BUNDLED_PACKS_FILE, source: source.json });
    },
  };
}
