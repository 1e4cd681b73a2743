import type { NestedCondition } from '../language';
import { joinPath } from '../../engine/path';
import type { LeafResult } from '../language';
import type { Evaluate } from '../kit';
import { listItems, missingOf } from '../lists';

export interface EveryLeaf {
  op: 'every';
  list: string;
  where?: NestedCondition;
  check: NestedCondition;
}

/** `every`: each item matching `where` satisfies `check`; an empty list passes. */
const every: Evaluate<EveryLeaf> = (leaf, scope) => {
  const items = listItems('every', leaf.list, leaf.where, scope);
  const path = joinPath(scope.prefix, leaf.list);
  if (!Array.isArray(items)) return items;
  const failing: LeafResult[] = [];
  const undecided: LeafResult[] = [];
  for (const item of items) {
    if (item.where.status === 'fail') continue;
    const check = scope.evaluate(leaf.check, item.scope);
    if (check.status === 'pass') continue;
    // An item that may not even match `where` cannot make the list fail, only leave it undecided.
    if (check.status === 'fail' && item.where.status === 'pass') failing.push(...check.deciding);
    else undecided.push(...check.deciding, ...item.where.deciding);
  }
  if (failing.length) return { op: 'every', path, status: 'fail', actual: failing.length, because: failing };
  if (undecided.length)
    return { op: 'every', path, status: 'unknown', missing: missingOf(undecided), because: undecided };
  return { op: 'every', path, status: 'pass' };
};

export const evaluators = { every };
