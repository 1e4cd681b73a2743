import type { NestedCondition } from './language';
import { joinPath } from '../engine/path';
import type { ConditionResult, LeafResult } from './language';
import { read, type Scope, unknownResult } from './scope';

/** The list operators' shared walk over the items of a list. */
export interface Item {
  scope: Scope;
  /** Result of `where` for this item (pass when there is no `where`). */
  where: ConditionResult;
}

type ListOp = 'count' | 'countDistinct' | 'sum' | 'every';

/** The items of `list` with the scope their relative paths resolve in, or an unknown result when the list is absent. */
export function listItems(
  op: ListOp,
  list: string,
  where: NestedCondition | undefined,
  scope: Scope,
): Item[] | LeafResult {
  const field = read(scope, list);
  if (field.value === undefined || field.value === null) return unknownResult(op, field.path, [field.path]);
  if (!Array.isArray(field.value)) return unknownResult(op, field.path, [], { actual: field.value });
  return field.value.map((data, i) => {
    const itemScope: Scope = { ...scope, data, prefix: joinPath(field.path, String(i)) };
    return { scope: itemScope, where: where ? scope.evaluate(where, itemScope) : { status: 'pass', deciding: [] } };
  });
}

export function missingOf(results: LeafResult[]): string[] {
  return [...new Set(results.flatMap((r) => r.missing ?? []))];
}

export function bounds(min?: number, max?: number): Pick<LeafResult, 'min' | 'max'> {
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}
