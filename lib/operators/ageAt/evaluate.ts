import { parseIsoDate, yearsOn } from '../../engine/dates';
import type { Evaluate } from '../kit';
import { describeBounds, read, unknownResult, withinBounds } from '../scope';

export interface AgeAtLeaf {
  op: 'ageAt';
  /** A birth date field */
  field: string;
  /** The day the age is taken on, YYYY-MM-DD (e.g. the call's closing date) */
  on: string;
  min?: number;
  max?: number;
}

/** `ageAt`: the age in whole years (周岁) on the day `on` lies within [min, max]. */
const ageAt: Evaluate<AgeAtLeaf> = (leaf, scope) => {
  const field = read(scope, leaf.field);
  const bounds = {
    ...(leaf.min === undefined ? {} : { min: leaf.min }),
    ...(leaf.max === undefined ? {} : { max: leaf.max }),
  };
  if (field.empty) return unknownResult('ageAt', field.path, [field.path], bounds);
  const birth = parseIsoDate(field.value);
  const on = parseIsoDate(leaf.on);
  if (!birth || !on) return unknownResult('ageAt', field.path, [], { ...bounds, actual: field.value });
  const age = yearsOn(birth, on);
  return {
    op: 'ageAt',
    path: field.path,
    status: withinBounds(age, leaf.min, leaf.max) ? 'pass' : 'fail',
    actual: age,
    expected: describeBounds(leaf.min, leaf.max),
    ...bounds,
  };
};

export const evaluators = { ageAt };
