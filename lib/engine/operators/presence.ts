import { type Operator, read } from './scope';

/** `exists`: the field is filled in. Never unknown: emptiness is exactly what it asks about. */
export const exists: Operator<'exists'> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  return {
    op: 'exists',
    path: field.path,
    status: field.empty ? 'fail' : 'pass',
    actual: field.value,
    ...(field.empty ? { missing: [field.path] } : {}),
  };
};
