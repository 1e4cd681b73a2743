import type { Condition } from '../condition';
import { normalizeText } from '../normalize';
import { joinPath } from '../path';
import type { ConditionResult, LeafResult } from '../result';
import {
  boundedCountStatus,
  describeBounds,
  type Operator,
  read,
  resolveNumber,
  type Scope,
  toNumber,
  unknownResult,
  withinBounds,
} from './scope';

interface Item {
  scope: Scope;
  /** Result of `where` for this item (pass when there is no `where`). */
  where: ConditionResult;
}

type ListOp = 'count' | 'countDistinct' | 'sum' | 'every';

/** The items of `list` with the scope their relative paths resolve in, or an unknown result when the list is absent. */
function listItems(op: ListOp, list: string, where: Condition | undefined, scope: Scope): Item[] | LeafResult {
  const field = read(scope, list);
  if (field.value === undefined || field.value === null) return unknownResult(op, field.path, [field.path]);
  if (!Array.isArray(field.value)) return unknownResult(op, field.path, [], { actual: field.value });
  return field.value.map((data, i) => {
    const itemScope: Scope = { ...scope, data, prefix: joinPath(field.path, String(i)) };
    return { scope: itemScope, where: where ? scope.evaluate(where, itemScope) : { status: 'pass', deciding: [] } };
  });
}

function missingOf(results: LeafResult[]): string[] {
  return [...new Set(results.flatMap((r) => r.missing ?? []))];
}

function bounds(min?: number, max?: number): Pick<LeafResult, 'min' | 'max'> {
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** `count`: how many items match `where`; items whose match cannot be told widen the possible range. */
export const count: Operator<'count'> = (leaf, scope) => {
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

/** `countDistinct`: how many different normalised values of `of` the matching items have. */
export const countDistinct: Operator<'countDistinct'> = (leaf, scope) => {
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

/** `sum`: the total of `of` over matching items lies within [min, max]; unknown while any term is missing. */
export const sum: Operator<'sum'> = (leaf, scope) => {
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

/** `every`: each item matching `where` satisfies `check`; an empty list passes. */
export const every: Operator<'every'> = (leaf, scope) => {
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
