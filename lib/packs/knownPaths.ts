import { z } from 'zod';
import type { ValueType } from '../operators/kit';
import { Application, Unit } from '../application/model';
import { derivedFacts } from '../engine/context';

/**
 * The shape of the evaluation context (lib/engine/context.ts), read off the zod application model
 * plus the derived facts, so a pack can be checked for paths that no application will ever have.
 */
export type PathNode =
  | { kind: 'object'; children: Record<string, PathNode> }
  | { kind: 'array'; item: PathNode }
  | { kind: 'value'; type?: ValueType; values?: readonly string[] };

function nodeOf(schema: z.ZodType): PathNode {
  const def = schema._zod.def as {
    type: string;
    innerType?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    entries?: Record<string, string>;
  };
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType)
    return nodeOf(def.innerType);
  if (def.type === 'object' && def.shape) {
    return {
      kind: 'object',
      children: Object.fromEntries(Object.entries(def.shape).map(([key, child]) => [key, nodeOf(child)])),
    };
  }
  if (def.type === 'array' && def.element) return { kind: 'array', item: nodeOf(def.element) };
  if (def.type === 'enum' && def.entries) return { kind: 'value', type: 'text', values: Object.values(def.entries) };
  if (def.type === 'number') return { kind: 'value', type: 'number' };
  if (def.type === 'boolean') return { kind: 'value', type: 'boolean' };
  if (def.type === 'string')
    return { kind: 'value', type: z.globalRegistry.get(schema)?.valueType === 'date' ? 'date' : 'text' };
  return { kind: 'value' };
}

/** What each derived fact holds; a derived fact the model already declares (pi.titleLevel) keeps its vocabulary. */
const derivedShapes: Partial<Record<keyof typeof derivedFacts, PathNode>> = {
  units: { kind: 'array', item: nodeOf(Unit) },
  'project.durationMonths': { kind: 'value', type: 'number' },
  'direction.code': { kind: 'value', type: 'text' },
  'direction.totalBudget': { kind: 'value', type: 'number' },
  'direction.plannedProjects': { kind: 'value', type: 'number' },
  'direction.fundingPerProject': { kind: 'value', type: 'number' },
};

function buildContextTree(): PathNode {
  const root = nodeOf(Application);
  if (root.kind !== 'object') throw new Error('Application model is not an object');
  // The application's `direction` code is replaced by the direction's facts in the context.
  root.children.direction = { kind: 'object', children: {} };
  for (const path of Object.keys(derivedFacts) as (keyof typeof derivedFacts)[]) {
    const segments = path.split('.');
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      const child = node.children[segment];
      if (child?.kind !== 'object') throw new Error(`derived fact ${path} is not under an object`);
      node = child;
    }
    const last = segments.at(-1)!;
    node.children[last] = derivedShapes[path] ?? node.children[last] ?? { kind: 'value' };
  }
  return root;
}

export const contextTree: PathNode = buildContextTree();

/**
 * The node a dot path leads to from `from`, or undefined. Numeric segments index arrays; with
 * `throughLists`, a name may also step over a list into its items ("participants.type"), as rule `fields` do.
 */
export function resolvePath(from: PathNode, path: string, throughLists = false): PathNode | undefined {
  let node: PathNode | undefined = from;
  for (const segment of path.split('.')) {
    if (node?.kind === 'array') {
      if (/^\d+$/.test(segment) || segment === '*') {
        node = node.item;
        continue;
      }
      if (!throughLists) return undefined;
      node = node.item;
    }
    if (node?.kind !== 'object') return undefined;
    node = node.children[segment];
  }
  return node;
}

/** Every path of the tree, for "did you mean" hints and the docs: "units", "units.type", … */
export function listPaths(node: PathNode = contextTree, prefix = ''): string[] {
  if (node.kind === 'array') return [prefix, ...listPaths(node.item, prefix).filter((p) => p !== prefix)];
  if (node.kind === 'value') return [prefix];
  return Object.entries(node.children).flatMap(([key, child]) => listPaths(child, prefix ? `${prefix}.${key}` : key));
}
