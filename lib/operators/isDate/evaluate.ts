import { parseIsoDate } from '../../engine/dates';
import type { Evaluate } from '../kit';
import { read, unknownResult } from '../scope';

export interface IsDateLeaf {
  op: 'isDate';
  field: string;
}

/** `isDate`: a filled-in field holds a real date written YYYY-MM-DD; empty is unknown (nothing to judge yet). */
const isDate: Evaluate<IsDateLeaf> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  if (field.empty) return unknownResult('isDate', field.path, [field.path]);
  return {
    op: 'isDate',
    path: field.path,
    status: parseIsoDate(field.value) ? 'pass' : 'fail',
    actual: field.value,
    expected: 'YYYY-MM-DD',
  };
};

export const evaluators = { isDate };
