import type { LeafResult } from './language';
import { read, type Scope, toNumber, unknownResult } from './scope';

/** Numeric helpers shared by compare, between, compareFields, equality and in. */
export type Cmp = 'lt' | 'lte' | 'gt' | 'gte' | 'eq';

export const compareNumbers: Record<Cmp, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  eq: (a, b) => a === b,
};

/** Which bound a comparison sets, so a message can say "{max}" / "{min}". */
export function comparisonBounds(cmp: Cmp, limit: number): Pick<LeafResult, 'min' | 'max'> {
  if (cmp === 'lt' || cmp === 'lte') return { max: limit };
  if (cmp === 'gt' || cmp === 'gte') return { min: limit };
  return { min: limit, max: limit };
}

/** A literal matches exactly; a number also matches numeric text. */
export function sameValue(actual: unknown, expected: string | number | boolean): boolean {
  if (typeof expected === 'number') return toNumber(actual) === expected;
  return actual === expected;
}

export function numericField(
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
