import type { NumberRef } from '../language';
import type { Evaluate } from '../kit';
import { compareNumbers, comparisonBounds, numericField } from '../numbers';
import { resolveNumber, unknownResult } from '../scope';

export interface CompareLeaf {
  op: 'lt' | 'lte' | 'gt' | 'gte';
  field: string;
  value: NumberRef;
}

const comparison =
  (op: CompareLeaf['op']): Evaluate<CompareLeaf> =>
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
      ...comparisonBounds(op, limit.value),
    };
  };

export const evaluators = {
  lt: comparison('lt'),
  lte: comparison('lte'),
  gt: comparison('gt'),
  gte: comparison('gte'),
};
