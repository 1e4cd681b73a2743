// The layer rules of README's layout, checked on an import graph. Each violation is one line of text, so a
// known one can be listed (and must then disappear) in boundaries.test.ts.
import { closure, cycles, type Graph, withoutComments } from './importGraph';

const STORAGE = ['pkg:dexie'];
/** Globals that only exist in a page: the engine takes data, never a document. */
const DOM_GLOBALS =
  /(?<![.\w$])(document|window|navigator|location|HTMLElement|HTMLInputElement|Element|DOMParser|MutationObserver|localStorage|sessionStorage|indexedDB|requestAnimationFrame)(?![\w$])(?!\s*:(?!:))/;

const isContentScript = (path: string) => /^entrypoints\/[^/]+\.content(\/index\.tsx?|\.tsx?)$/.test(path);

export function layerViolations(graph: Graph, files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [from, edges] of graph) {
    for (const { to } of edges) {
      if (to.startsWith('missing:')) found.push(`${from} → ${to.slice(8)}: the import resolves to no file`);
      if (from.startsWith('lib/') && !from.startsWith('lib/overlay/') && to.startsWith('lib/overlay/'))
        found.push(`${from} → ${to}: lib must not import the overlay`);
      if (from.startsWith('lib/') && to.startsWith('components/'))
        found.push(`${from} → ${to}: lib must not import components`);
      if (from.startsWith('components/') && /^lib\/drafts\/(db|store)\.ts$/.test(to))
        found.push(`${from} → ${to}: components get drafts through props and hooks, not the database`);
      if (from.startsWith('lib/engine/') && ['pkg:zod', 'pkg:react', ...STORAGE].includes(to))
        found.push(`${from} → ${to.slice(4)}: the engine imports no zod, Dexie or React`);
    }
  }
  for (const path of graph.keys()) {
    if (path.startsWith('lib/engine/')) {
      const reach = closure(graph, path, true);
      for (const pkg of ['pkg:zod', ...STORAGE])
        if (reach.has(pkg)) found.push(`${path}: the engine's runtime imports reach ${pkg.slice(4)}`);
      for (const module of reach) {
        const code = files.get(module);
        const dom = code && DOM_GLOBALS.exec(withoutComments(code, true));
        if (dom) found.push(`${path}: the engine's runtime imports use the DOM (${dom[1]} in ${module})`);
      }
    }
    // The zod side of the core (its schemas, zod's configuration, its issue messages) is for the background, pages
    // and CLI only.
    if (path.startsWith('lib/core/') && !/^lib\/core\/(schemas|zodJitless|issues)\.ts$/.test(path)) {
      const reach = closure(graph, path, true);
      for (const module of reach)
        if (module.startsWith('pkg:') || !module.startsWith('lib/core/'))
          found.push(`${path}: the core vocabulary imports only itself at runtime, not ${module.replace(/^pkg:/, '')}`);
    }
    if (isContentScript(path)) {
      const reach = closure(graph, path, true);
      for (const pkg of ['pkg:zod', ...STORAGE])
        if (reach.has(pkg)) found.push(`${path}: the content script's runtime imports reach ${pkg.slice(4)}`);
    }
  }
  for (const group of cycles(graph)) found.push(`import cycle: ${group.join(', ')}`);
  return [...new Set(found)];
}
