import type { LeafResult } from '../result';
import { type Operator, read, resolveNumber, type Scope, toNumber, unknownResult } from './scope';

type Cmp = 'lt' | 'lte' | 'gt' | 'gte' | 'eq';

const compareNumbers: Record<Cmp, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  eq: (a, b) => a === b,
};

/** Which bound a comparison sets, so a message can say "{max}" / "{min}". */
function bounds(cmp: Cmp, limit: number): Pick<LeafResult, 'min' | 'max'> {
  if (cmp === 'lt' || cmp === 'lte') return { max: limit };
  if (cmp === 'gt' || cmp === 'gte') return { min: limit };
  return { min: limit, max: limit };
}

function sameValue(actual: unknown, expected: string | number | boolean): boolean {
  if (typeof expected === 'number') return toNumber(actual) === expected;
  return actual === expected;
}

const equality =
  (op: 'eq' | 'ne'): Operator<'eq'> =>
  (leaf, scope) => {
    const field = read(scope, leaf.field);
    if (field.empty) return unknownResult(op, field.path, [field.path], { expected: leaf.value });
    const same = sameValue(field.value, leaf.value);
    return {
      op,
      path: field.path,
      status: same === (op === 'eq') ? 'pass' : 'fail',
      actual: field.value,
      expected: leaf.value,
    };
  };

function numericField(
  op: LeafResult['op'],
  scope: Scope,
  path: string,
): { n?: number; result?: LeafResult; path: string } {
  const field = read(scope, path);
  if (field.empty) return { path: field.path, result: unknownResult(op, field.path, [field.path]) };
  const n = toNumber(field.value);
  // A value that is not a number cannot be judged; it is reported as it stands rather than as missing.
  if (n === undefined) return { path: field.path, result: unknownResult(op, field.path, [], { actual: field.value }) };
  return { n, path: field.path };
}

const comparison =
  (op: 'lt' | 'lte' | 'gt' | 'gte'): Operator<'lt'> =>
  (leaf, scope) => {
    const field = numericField(op, scope, leaf.field);
    const limit = resolveNumber(leaf.value, scope);
    if (field.result)
      return limit.missing
        ? { ...field.result, missing: [...(field.result.missing ?? []), limit.missing] }
        : field.result;
    if (limit.value === undefined) return unknownResult(op, field.path, [limit.missing!], { actual: field.n });
    const pass = compareNumbers[op](field.n!, limit.value);
    return {
      op,
      path: field.path,
      status: pass ? 'pass' : 'fail',
      actual: field.n,
      expected: limit.value,
      ...bounds(op, limit.value),
    };
  };

export const eq = equality('eq');
export const ne = equality('ne');
export const lt = comparison('lt');
export const lte = comparison('lte');
export const gt = comparison('gt');
export const gte = comparison('gte');

/** `between`: min ≤ field ≤ max, both inclusive. */
export const between: Operator<'between'> = (leaf, scope) => {
  const field = numericField('between', scope, leaf.field);
  const min = resolveNumber(leaf.min, scope);
  const max = resolveNumber(leaf.max, scope);
  const missingRefs = [min.missing, max.missing].filter((p): p is string => p !== undefined);
  if (field.result || missingRefs.length) {
    return unknownResult(
      'between',
      field.path,
      [...(field.result?.missing ?? []), ...missingRefs],
      field.n === undefined ? {} : { actual: field.n },
    );
  }
  const pass = field.n! >= min.value! && field.n! <= max.value!;
  return {
    op: 'between',
    path: field.path,
    status: pass ? 'pass' : 'fail',
    actual: field.n,
    expected: `${min.value}–${max.value}`,
    min: min.value,
    max: max.value,
  };
};

/** `in`: the field is one of `values`. */
export const inList: Operator<'in'> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  if (field.empty) return unknownResult('in', field.path, [field.path], { expected: leaf.values });
  const pass = leaf.values.some((v) => sameValue(field.value, v));
  return { op: 'in', path: field.path, status: pass ? 'pass' : 'fail', actual: field.value, expected: leaf.values };
};

/** `compareFields`: two numeric fields of the same scope, e.g. matchingFunds gte governmentFunding. */
export const compareFields: Operator<'compareFields'> = (leaf, scope) => {
  const left = numericField('compareFields', scope, leaf.field);
  const right = numericField('compareFields', scope, leaf.otherField);
  if (left.result || right.result) {
    return unknownResult('compareFields', left.path, [
      ...(left.result?.missing ?? []),
      ...(right.result?.missing ?? []),
    ]);
  }
  const pass = compareNumbers[leaf.cmp](left.n!, right.n!);
  return {
    op: 'compareFields',
    path: left.path,
    status: pass ? 'pass' : 'fail',
    actual: left.n,
    expected: right.n,
    ...bounds(leaf.cmp, right.n!),
  };
};
