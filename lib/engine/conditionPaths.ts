import { readers } from '../operators';
import type { PathKit, PathRead, Paths } from '../operators/kit';
import type { Condition, Leaf } from './condition';

export type { PathRead };

/** Every path a condition reads, in order, with the list scopes it is relative to and the value type it needs. */
export function conditionPaths(condition: Condition, within: string[] = [], at: (string | number)[] = []): PathRead[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionPaths(c, within, [...at, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionPaths(c, within, [...at, 'any', i]));
  if ('not' in condition) return conditionPaths(condition.not, within, [...at, 'not']);
  const read = (readers as Record<string, Paths<Leaf> | undefined>)[condition.op];
  return read ? read(condition, pathKit(within, at)) : [];
}

function pathKit(within: string[], at: (string | number)[]): PathKit {
  return {
    at,
    field: (key, path, type, literals) =>
      path === undefined
        ? []
        : [
            {
              path,
              within,
              role: 'field',
              at: [...at, key],
              ...(type ? { type } : {}),
              ...(literals ? { literals } : {}),
            },
          ],
    fact: (key, ref) =>
      ref === undefined || typeof ref === 'number'
        ? []
        : [{ path: ref.fact, within: [], role: 'fact', type: 'number', at: [...at, key, 'fact'] }],
    list: (key, path) => [{ path, within, role: 'list', at: [...at, key] }],
    nested: (key, nested, list) => (nested ? conditionPaths(nested, [...within, list], [...at, key]) : []),
    itemField: (key, path, list, type) => [
      { path, within: [...within, list], role: 'field', at: [...at, key], ...(type ? { type } : {}) },
    ],
  };
}
