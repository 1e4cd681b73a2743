import { compareDates, parseIsoDate } from '../../engine/dates';
import type { Evaluate } from '../kit';
import { read, unknownResult } from '../scope';

export interface DateCompareLeaf {
  op: 'before' | 'onOrBefore' | 'after' | 'onOrAfter';
  field: string;
  /** A literal date, YYYY-MM-DD … */
  date?: string;
  /** … or another date field of the same scope. */
  otherField?: string;
}

const holds: Record<DateCompareLeaf['op'], (difference: number) => boolean> = {
  before: (d) => d < 0,
  onOrBefore: (d) => d <= 0,
  after: (d) => d > 0,
  onOrAfter: (d) => d >= 0,
};

/**
 * `before` / `onOrBefore` / `after` / `onOrAfter`: a date field against a literal date or another date field,
 * to the day ("1965年1月1日（含）以后出生" is `onOrAfter pi.birthDate 1965-01-01`). An invalid date is unknown
 * here and reported at its field by the built-in input rules.
 */
const dateComparison =
  (op: DateCompareLeaf['op']): Evaluate<DateCompareLeaf> =>
  (leaf, scope) => {
    const field = read(scope, leaf.field);
    const other = leaf.otherField === undefined ? undefined : read(scope, leaf.otherField);
    const expected = other ? other.value : leaf.date;
    const missing = [field, other].filter((r) => r?.empty).map((r) => r!.path);
    if (missing.length) return unknownResult(op, field.path, missing, { expected });
    const a = parseIsoDate(field.value);
    const b = parseIsoDate(expected);
    if (!a || !b) return unknownResult(op, field.path, [], { actual: field.value, expected });
    return {
      op,
      path: field.path,
      status: holds[op](compareDates(a, b)) ? 'pass' : 'fail',
      actual: field.value,
      expected,
    };
  };

export const evaluators = {
  before: dateComparison('before'),
  onOrBefore: dateComparison('onOrBefore'),
  after: dateComparison('after'),
  onOrAfter: dateComparison('onOrAfter'),
};
