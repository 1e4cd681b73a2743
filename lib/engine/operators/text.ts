import { normalizeText } from '../normalize';
import { type Operator, read, unknownResult } from './scope';

/** `equalsNormalized`: same text after normalising, against a literal `value` or another field (`otherField`). */
export const equalsNormalized: Operator<'equalsNormalized'> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  const other = leaf.otherField === undefined ? undefined : read(scope, leaf.otherField);
  const missing = [field, other].filter((r) => r?.empty).map((r) => r!.path);
  const expected = other ? other.value : leaf.value;
  if (missing.length) return unknownResult('equalsNormalized', field.path, missing, { expected });
  if (expected === undefined) return unknownResult('equalsNormalized', field.path, [], { actual: field.value });
  const pass = normalizeText(field.value) === normalizeText(expected);
  return { op: 'equalsNormalized', path: field.path, status: pass ? 'pass' : 'fail', actual: field.value, expected };
};

/**
 * `contains`: a list of strings holds `value`, or a text includes it, after normalising.
 * An empty list counts as not filled in (lists default to [] in the model).
 */
export const contains: Operator<'contains'> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  if (field.empty) return unknownResult('contains', field.path, [field.path], { expected: leaf.value });
  const wanted = normalizeText(leaf.value);
  const pass = Array.isArray(field.value)
    ? field.value.some((item) => normalizeText(item) === wanted)
    : normalizeText(field.value).includes(wanted);
  return {
    op: 'contains',
    path: field.path,
    status: pass ? 'pass' : 'fail',
    actual: field.value,
    expected: leaf.value,
  };
};
