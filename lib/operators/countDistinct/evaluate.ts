import type { NestedCondition } from '../language';
import { normalizeText } from '../../engine/normalize';
import { joinPath } from '../../engine/path';
import type { Evaluate } from '../kit';
import { bounds, listItems, missingOf } from '../lists';
import { boundedCountStatus, describeBounds, read } from '../scope';

export interface CountDistinctLeaf {
  op: 'countDistinct';
  list: string;
  of: string;
  where?: NestedCondition;
  min?: number;
  max?: number;
}

/** `countDistinct`: how many different normalised values of `of` the matching items have. */
const countDistinct: Evaluate<CountDistinctLeaf> = (leaf, scope) => {
  const items = listItems('countDistinct', leaf.list, leaf.where, scope);
  const path = joinPath(scope.prefix, leaf.list);
  if (!Array.isArray(items)) return { ...items, ...bounds(leaf.min, leaf.max) };
  const values = new Set<string>();
  const missing: string[] = [];
  let unsure = 0;
  for (const item of items) {
    if (item.where.status === 'fail') continue;
    const value = read(item.scope, leaf.of);
    if (item.where.status === 'unknown' || value.empty) {
      // An item we cannot place may add one more distinct value, or none.
      unsure += 1;
      missing.push(...(value.empty ? [value.path] : []), ...missingOf(item.where.deciding));
      continue;
    }
    values.add(normalizeText(value.value));
  }
  const status = boundedCountStatus(values.size, unsure, leaf.min, leaf.max);
  return {
    op: 'countDistinct',
    path,
    status,
    actual: values.size,
    expected: describeBounds(leaf.min, leaf.max),
    ...bounds(leaf.min, leaf.max),
    ...(status === 'unknown' ? { missing: [...new Set(missing)] } : {}),
  };
};

export const evaluators = { countDistinct };
