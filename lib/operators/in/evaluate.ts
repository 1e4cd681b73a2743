import type { Evaluate } from '../kit';
import { sameValue } from '../numbers';
import { read, unknownResult } from '../scope';

export interface InLeaf {
  op: 'in';
  field: string;
  values: (string | number)[];
}

/** `in`: the field is one of `values`. */
const inList: Evaluate<InLeaf> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  if (field.empty) return unknownResult('in', field.path, [field.path], { expected: leaf.values });
  const pass = leaf.values.some((v) => sameValue(field.value, v));
  return { op: 'in', path: field.path, status: pass ? 'pass' : 'fail', actual: field.value, expected: leaf.values };
};

export const evaluators = { in: inList };
