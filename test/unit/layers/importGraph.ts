// The project's import graph read from source text: a small resolver for relative, `@/` and `~/` specifiers,
// enough to check layers without a bundler. Packages become nodes named `pkg:<name>`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

export interface Edge {
  to: string;
  /** `import type` / `export type`: erased from the build, so not part of a runtime closure. */
  typeOnly: boolean;
}
export type Graph = Map<string, Edge[]>;

const SOURCE = /\.(ts|tsx|mts)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/**
 * The source with comments blanked out, so an example in a comment is not an import. Strings, template literals
 * and regular expression literals are skipped whole (a `//` or quote inside them starts nothing); with
 * `blankStrings` their contents are dropped too, to look for identifiers in code only.
 */
export function withoutComments(source: string, blankStrings = false): string {
  let out = '';
  let i = 0;
  // A `/` starts a regular expression where an expression may begin: after these, or a keyword such as return.
  const regexMayFollow = (text: string) =>
    /(^|[(,=:[!&|?{};+\-*%<>~^]|\b(return|typeof|case|do|else|in|of|void))\s*$/.test(text);
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`' || (c === '/' && regexMayFollow(out.slice(-12)))) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length) {
        const d = source[j]!;
        if (d === '\\') j++;
        else if (c === '/' && d === '[') inClass = true;
        else if (c === '/' && d === ']') inClass = false;
        else if (d === c && !inClass) break;
        else if (d === '\n' && c !== '`') break;
        j++;
      }
      out += blankStrings ? `${c}${c}` : source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The specifiers a module imports or re-exports, static and dynamic. */
export function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  const code = withoutComments(source);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const statement = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(statement)) found.push({ specifier: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1]!, typeOnly: false });
  return found;
}

/** The package a bare specifier names: `zod`, `@noble/ed25519`, `pdfjs-dist` (from `pdfjs-dist/legacy/…`). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The node a specifier names from `from` (repo-relative): a repo-relative file, `pkg:<name>`, or undefined for
 * assets and virtual modules that are no code of ours (`./x.css`, `?raw`).
 */
export function resolve(from: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  const bare = specifier.split('?')[0]!;
  let base: string;
  if (bare.startsWith('@/') || bare.startsWith('~/')) base = bare.slice(2);
  else if (bare.startsWith('.')) base = posix.join(posix.dirname(from), bare);
  else return `pkg:${packageOf(bare)}`;
  if (!SOURCE.test(base) && /\.[a-z]+$/.test(base) && !/\.(js|mjs)$/.test(base)) return undefined;
  const stem = base.replace(/\.(js|mjs)$/, '');
  for (const ext of EXTENSIONS) if (exists(stem + ext) && SOURCE.test(stem + ext)) return stem + ext;
  return `missing:${base}`;
}

/** The graph of every module given (repo-relative path → source). */
export function buildGraph(files: Map<string, string>): Graph {
  const graph: Graph = new Map();
  const exists = (path: string) => files.has(path);
  for (const [path, source] of files) {
    const edges: Edge[] = [];
    for (const { specifier, typeOnly } of importsOf(source)) {
      const to = resolve(path, specifier, exists);
      if (to) edges.push({ to, typeOnly });
    }
    graph.set(path, edges);
  }
  return graph;
}

/** Every module under `dirs` of the repository at `root`, by repo-relative path; tests (`*.test.ts`) are no layer. */
export function readSources(root: string, dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name) && !/\.d\.ts$|\.test\.tsx?$/.test(name))
        files.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return files;
}

/** The nodes reachable from `start` (itself included); `runtime` skips type-only edges. */
export function closure(graph: Graph, start: string, runtime: boolean): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const edge of graph.get(queue.pop()!) ?? []) {
      if (runtime && edge.typeOnly) continue;
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  return seen;
}

/** Strongly connected groups of more than one module (Tarjan), each sorted: the import cycles. */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const { to } of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!indexOf.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, indexOf.get(to)!));
    }
    if (low.get(node) === indexOf.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export const repoRoot = join(dirname(new URL(import.meta.url).pathname), '..', '..', '..');
