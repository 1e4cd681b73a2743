import type { Evaluate } from '../kit';
import { type Cmp, compareNumbers, comparisonBounds, numericField } from '../numbers';
import { unknownResult } from '../scope';

export interface CompareFieldsLeaf {
  op: 'compareFields';
  field: string;
  cmp: Cmp;
  otherField: string;
}

/** `compareFields`: two numeric fields of the same scope, e.g. matchingFunds gte governmentFunding. */
const compareFields: Evaluate<CompareFieldsLeaf> = (leaf, scope) => {
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
    ...comparisonBounds(leaf.cmp, right.n!),
  };
};

export const evaluators = { compareFields };
