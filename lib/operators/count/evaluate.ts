import type { NestedCondition } from '../language';
import { joinPath } from '../../engine/path';
import type { Evaluate } from '../kit';
import { bounds, listItems, missingOf } from '../lists';
import { boundedCountStatus, describeBounds } from '../scope';

export interface CountLeaf {
  op: 'count';
  list: string;
  where?: NestedCondition;
  min?: number;
  max?: number;
}

/** `count`: how many items match `where`; items whose match cannot be told widen the possible range. */
const count: Evaluate<CountLeaf> = (leaf, scope) => {
  const items = listItems('count', leaf.list, leaf.where, scope);
  const path = joinPath(scope.prefix, leaf.list);
  if (!Array.isArray(items)) return { ...items, ...bounds(leaf.min, leaf.max) };
  const sure = items.filter((i) => i.where.status === 'pass').length;
  const unsure = items.filter((i) => i.where.status === 'unknown');
  const status = boundedCountStatus(sure, unsure.length, leaf.min, leaf.max);
  const because = unsure.flatMap((i) => i.where.deciding);
  return {
    op: 'count',
    path,
    status,
    actual: sure,
    expected: describeBounds(leaf.min, leaf.max),
    ...bounds(leaf.min, leaf.max),
    ...(status === 'unknown' ? { missing: missingOf(because), because } : {}),
  };
};

export const evaluators = { count };
