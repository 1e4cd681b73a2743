import type { Evaluate } from '../kit';
import { read } from '../scope';

export interface ExistsLeaf {
  op: 'exists';
  field: string;
}

/** `exists`: the field is filled in. Never unknown: emptiness is exactly what it asks about. */
const exists: Evaluate<ExistsLeaf> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  return {
    op: 'exists',
    path: field.path,
    status: field.empty ? 'fail' : 'pass',
    actual: field.value,
    ...(field.empty ? { missing: [field.path] } : {}),
  };
};

export const evaluators = { exists };
