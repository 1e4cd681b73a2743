import { compareDates, conventionalEnds, parseIsoDate, spanBetween, spanInMonths } from '../../engine/dates';
import type { Evaluate } from '../kit';
import { describeBounds, read, unknownResult, withinBounds } from '../scope';

export interface MonthsBetweenLeaf {
  op: 'monthsBetween';
  from: string;
  to: string;
  min?: number;
  max?: number;
}

/**
 * `monthsBetween`: the span from date `from` to date `to` (end day included), exact to the day, lies within
 * [min, max] months: "max 36" fails at 36 months and 1 day. When min = max the span is exact ("实施期为2年"):
 * the end must be the conventional one, the day before the same date N months later or the end of that month.
 * An invalid or reversed pair is unknown here; the built-in input rules report it at its field.
 */
const monthsBetween: Evaluate<MonthsBetweenLeaf> = (leaf, scope) => {
  const from = read(scope, leaf.from);
  const to = read(scope, leaf.to);
  const bounds = {
    ...(leaf.min === undefined ? {} : { min: leaf.min }),
    ...(leaf.max === undefined ? {} : { max: leaf.max }),
  };
  const missing = [from, to].filter((r) => r.empty).map((r) => r.path);
  if (missing.length) return unknownResult('monthsBetween', from.path, missing, bounds);
  const span = spanBetween(from.value, to.value);
  if (!span) return unknownResult('monthsBetween', from.path, [], { ...bounds, actual: `${from.value} → ${to.value}` });
  const months = spanInMonths(span);
  const exact = leaf.min !== undefined && leaf.min === leaf.max;
  const pass = exact
    ? conventionalEnds(parseIsoDate(from.value)!, leaf.min!).some(
        (end) => compareDates(end, parseIsoDate(to.value)!) === 0,
      )
    : withinBounds(months, leaf.min, leaf.max);
  return {
    op: 'monthsBetween',
    path: from.path,
    status: pass ? 'pass' : 'fail',
    actual: months,
    expected: describeBounds(leaf.min, leaf.max),
    ...bounds,
  };
};

export const evaluators = { monthsBetween };
