import { normalizeText } from '../../engine/normalize';
import type { Evaluate } from '../kit';
import { read, unknownResult } from '../scope';

export interface ContainsLeaf {
  op: 'contains';
  field: string;
  value: string;
}

/**
 * `contains`: a list of strings holds `value`, or a text includes it, after normalising.
 * An empty list counts as not filled in (lists default to [] in the model).
 */
const contains: Evaluate<ContainsLeaf> = (leaf, scope) => {
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

export const evaluators = { contains };
