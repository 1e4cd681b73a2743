import { wholeMonthsBetween } from '../../engine/dates';
import type { Evaluate } from '../kit';
import { describeBounds, read, unknownResult, withinBounds } from '../scope';

export interface MonthsBetweenLeaf {
  op: 'monthsBetween';
  from: string;
  to: string;
  min?: number;
  max?: number;
}

/** `monthsBetween`: whole months from date `from` to date `to` (end day included) lie within [min, max]. */
const monthsBetween: Evaluate<MonthsBetweenLeaf> = (leaf, scope) => {
  const from = read(scope, leaf.from);
  const to = read(scope, leaf.to);
  const bounds = {
    ...(leaf.min === undefined ? {} : { min: leaf.min }),
    ...(leaf.max === undefined ? {} : { max: leaf.max }),
  };
  const missing = [from, to].filter((r) => r.empty).map((r) => r.path);
  if (missing.length) return unknownResult('monthsBetween', from.path, missing, bounds);
  const months = wholeMonthsBetween(String(from.value), String(to.value));
  if (months === undefined)
    return unknownResult('monthsBetween', from.path, [], { ...bounds, actual: `${from.value} → ${to.value}` });
  const pass = withinBounds(months, leaf.min, leaf.max);
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
