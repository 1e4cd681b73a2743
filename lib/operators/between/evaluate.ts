import type { NumberRef } from '../language';
import type { Evaluate } from '../kit';
import { numericField } from '../numbers';
import { resolveNumber, unknownResult } from '../scope';

export interface BetweenLeaf {
  op: 'between';
  field: string;
  min: NumberRef;
  max: NumberRef;
}

/** `between`: min ≤ field ≤ max, both inclusive. */
const between: Evaluate<BetweenLeaf> = (leaf, scope) => {
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

export const evaluators = { between };
