import type { Evaluate } from '../kit';
import { sameValue } from '../numbers';
import { read, unknownResult } from '../scope';

export interface EqualityLeaf {
  op: 'eq' | 'ne';
  field: string;
  value: string | number | boolean;
}

/** `eq` / `ne`: equal or not to a literal; a number also matches numeric text. */
const equality =
  (op: 'eq' | 'ne'): Evaluate<EqualityLeaf> =>
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

export const evaluators = { eq: equality('eq'), ne: equality('ne') };
