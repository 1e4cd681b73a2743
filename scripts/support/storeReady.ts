// Build-time edits that keep two dependencies' unused, store-flagged code out of the extension (`web-ext lint`
// warns on both): zod's probe for `new Function` (its JIT; we run zod jitless) and React's
// `dangerouslySetInnerHTML` (we never render HTML: pack and page strings are text). The code is parsed and the
// edits made on its syntax tree, so formatting or renaming in a dependency update does not defeat them; a file
// where the construct is no longer found fails the build instead of shipping it.
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface Edit {
  file: RegExp;
  /** What the edit looks for, for the build error */
  what: string;
  /** The [start, end) ranges to replace and their replacement, found on the parsed program */
  find(program: Node): { start: number; end: number; to: string }[];
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Every node below `node`, each with its ancestors (nearest last). */
function* walk(node: Node, ancestors: Node[] = []): Generator<[Node, Node[]]> {
  yield [node, ancestors];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    for (const child of Array.isArray(value) ? value : [value])
      if (isNode(child)) yield* walk(child, [...ancestors, node]);
  }
}

const isIdentifier = (node: unknown, name?: string): node is Node & { name: string } =>
  isNode(node) && node.type === 'Identifier' && (name === undefined || node.name === name);

/**
 * `new Function(…)`, also through a local alias (`const F = Function; new F("")`): the `try` that probes it becomes
 * `return false;` (eval not allowed), which is what the probe answers where the store's CSP forbids it.
 */
export function functionProbes(program: Node): { start: number; end: number; to: string }[] {
  const aliases = new Set(['Function']);
  for (const [node] of walk(program))
    if (node.type === 'VariableDeclarator' && isIdentifier(node.id) && isIdentifier(node.init, 'Function'))
      aliases.add(node.id.name);
  const edits: { start: number; end: number; to: string }[] = [];
  for (const [node, ancestors] of walk(program)) {
    if (node.type !== 'NewExpression' || !isIdentifier(node.callee) || !aliases.has(node.callee.name)) continue;
    const probe = ancestors.findLast((a) => a.type === 'TryStatement');
    if (probe && !edits.some((e) => e.start === probe.start))
      edits.push({ start: probe.start, end: probe.end, to: 'return false;' });
  }
  return edits;
}

/**
 * Every `<x>.innerHTML = <value>` whose value is not a fixed string becomes a throw: no HTML string of ours or of
 * a pack ever reaches the DOM through React (its own `"<script></script>"` literal stays; the store accepts it).
 */
export function innerHtmlWrites(program: Node): { start: number; end: number; to: string }[] {
  const edits: { start: number; end: number; to: string }[] = [];
  for (const [node] of walk(program)) {
    const left = node.left;
    if (
      node.type === 'AssignmentExpression' &&
      isNode(left) &&
      left.type === 'MemberExpression' &&
      !left.computed &&
      isIdentifier(left.property, 'innerHTML') &&
      !(isNode(node.right) && node.right.type === 'Literal')
    )
      edits.push({
        start: node.start,
        end: node.end,
        to: '(function () { throw Error("GuideCheck renders no HTML strings (dangerouslySetInnerHTML)"); })()',
      });
  }
  return edits;
}

const edits: Edit[] = [
  { file: /\/zod\/v4\/core\/util\.js$/, what: 'a new Function probe', find: functionProbes },
  {
    file: /\/react-dom\/cjs\/react-dom-client\.(production|development)\.js$/,
    what: 'an innerHTML assignment',
    find: innerHtmlWrites,
  },
];

/** The code with `find`'s ranges replaced, or why it cannot be edited. */
export function applyEdit(code: string, find: Edit['find']): { code: string } | { error: string } {
  const program: unknown = parseAst(code);
  if (!isNode(program)) return { error: 'unparsable' };
  const ranges = find(program).sort((a, b) => b.start - a.start);
  if (!ranges.length) return { error: 'not found' };
  let out = code;
  for (const { start, end, to } of ranges) out = out.slice(0, start) + to + out.slice(end);
  return { code: out };
}

export function storeReady(): Plugin {
  return {
    name: 'guidecheck-store-ready',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!.replaceAll('\\', '/');
      let out = code;
      for (const edit of edits.filter((e) => e.file.test(path))) {
        const result = applyEdit(out, edit.find);
        if ('error' in result) this.error(`storeReady: ${path} no longer contains ${edit.what} to edit`);
        else out = result.code;
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
