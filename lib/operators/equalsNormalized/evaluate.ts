import { normalizeText } from '../../engine/normalize';
import type { Evaluate } from '../kit';
import { read, unknownResult } from '../scope';

export interface EqualsNormalizedLeaf {
  op: 'equalsNormalized';
  field: string;
  value?: string;
  otherField?: string;
}

/** `equalsNormalized`: same text after normalising, against a literal `value` or another field (`otherField`). */
const equalsNormalized: Evaluate<EqualsNormalizedLeaf> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  const other = leaf.otherField === undefined ? undefined : read(scope, leaf.otherField);
  const missing = [field, other].filter((r) => r?.empty).map((r) => r!.path);
  const expected = other ? other.value : leaf.value;
  if (missing.length) return unknownResult('equalsNormalized', field.path, missing, { expected });
  if (expected === undefined) return unknownResult('equalsNormalized', field.path, [], { actual: field.value });
  const pass = normalizeText(field.value) === normalizeText(expected);
  return { op: 'equalsNormalized', path: field.path, status: pass ? 'pass' : 'fail', actual: field.value, expected };
};

export const evaluators = { equalsNormalized };
