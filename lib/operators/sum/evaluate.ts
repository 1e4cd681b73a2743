import type { NestedCondition, NumberRef } from '../language';
import { joinPath } from '../../engine/path';
import type { Evaluate } from '../kit';
import { bounds, listItems, missingOf } from '../lists';
import { describeBounds, read, resolveNumber, toNumber, unknownResult, withinBounds } from '../scope';

export interface SumLeaf {
  op: 'sum';
  list: string;
  of: string;
  where?: NestedCondition;
  min?: NumberRef;
  max?: NumberRef;
}

/** `sum`: the total of `of` over matching items lies within [min, max]; unknown while any term is missing. */
const sum: Evaluate<SumLeaf> = (leaf, scope) => {
  const items = listItems('sum', leaf.list, leaf.where, scope);
  const path = joinPath(scope.prefix, leaf.list);
  if (!Array.isArray(items)) return items;
  const min = leaf.min === undefined ? undefined : resolveNumber(leaf.min, scope);
  const max = leaf.max === undefined ? undefined : resolveNumber(leaf.max, scope);
  const missing = [min?.missing, max?.missing].filter((p): p is string => p !== undefined);
  let total = 0;
  for (const item of items) {
    if (item.where.status === 'fail') continue;
    const value = read(item.scope, leaf.of);
    const n = toNumber(value.value);
    if (item.where.status === 'unknown') missing.push(...missingOf(item.where.deciding));
    if (n === undefined) missing.push(value.path);
    else total += n;
  }
  const limits = bounds(min?.value, max?.value);
  if (missing.length) return unknownResult('sum', path, [...new Set(missing)], { actual: total, ...limits });
  const status = withinBounds(total, min?.value, max?.value) ? 'pass' : 'fail';
  return { op: 'sum', path, status, actual: total, expected: describeBounds(min?.value, max?.value), ...limits };
};

export const evaluators = { sum };
