// The rule packs built into the extension, validated when it is built: rules/*.json go through parsePack (schema,
// then conventions) here, and one invalid pack fails the build with its errors. The extension receives the validated
// packs (defaults filled in) as one JSON text, parsed on first use and trusted: no zod and no 200 KB object literal
// on the service worker's way to its first answer. The extension pages import it as a module; the service worker
// fetches the same text as a file (lib/packs/bundledFile.ts), so its script does not carry it: its script carries only
// their outlines (virtual:guidecheck/bundled-index), which answer getPacks before the file is read.
import type { Plugin } from 'vite';
import { BUNDLED_PACKS_FILE } from '../../lib/packs/bundledFile';
import { bundledPackDir, loadPackDir } from '../../lib/packs/fromDisk';
import { bundledOutline } from '../../lib/packs/origin';

export const BUNDLED_PACKS_MODULE = 'virtual:guidecheck/bundled-packs';
/** Their outlines (lib/packs/origin.ts BundledOutline), a few KB: what the service worker's script carries */
export const BUNDLED_INDEX_MODULE = 'virtual:guidecheck/bundled-index';
const RESOLVED = `\0${BUNDLED_PACKS_MODULE}`;
const RESOLVED_INDEX = `\0${BUNDLED_INDEX_MODULE}`;

/** The module's source and the file's text: the validated packs of `dir` as JSON, or the errors that refuse them. */
export function bundledPacksSource(
  dir = bundledPackDir,
): { ok: true; code: string; json: string; indexCode: string } | { ok: false; errors: string[] } {
  const { packs, errors } = loadPackDir(dir);
  if (errors.length) return { ok: false, errors };
  const json = JSON.stringify(packs);
  const index = JSON.stringify(packs.map(bundledOutline));
  return { ok: true, code: `export default ${JSON.stringify(json)};`, json, indexCode: `export default ${index};` };
}

const refused = (errors: string[]) =>
  `内置规则包无效，扩展未构建 / a bundled rule pack is invalid, the extension was not built:\n${errors.join('\n')}`;

export function bundledPacks(dir?: string): Plugin {
  return {
    name: 'guidecheck:bundled-packs',
    resolveId: (id) =>
      id === BUNDLED_PACKS_MODULE ? RESOLVED : id === BUNDLED_INDEX_MODULE ? RESOLVED_INDEX : undefined,
    load(id) {
      if (id !== RESOLVED && id !== RESOLVED_INDEX) return undefined;
      const source = bundledPacksSource(dir);
      if (!source.ok) this.error(refused(source.errors));
      return id === RESOLVED ? source.code : source.indexCode;
    },
    // Every build of the extension writes the same file (WXT builds the worker, the pages and the content script apart).
    generateBundle() {
      const source = bundledPacksSource(dir);
      if (!source.ok) this.error(refused(source.errors));
      this.emitFile({ type: 'asset', fileName: BUNDLED_PACKS_FILE, source: source.json });
    },
  };
}
