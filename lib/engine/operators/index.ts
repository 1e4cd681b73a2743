import type { OperatorName } from '../condition';
import type { LeafResult } from '../result';
import { between, compareFields, eq, gt, gte, inList, lt, lte, ne } from './compare';
import { monthsBetween } from './dates';
import { count, countDistinct, every, sum } from './lists';
import { exists } from './presence';
import type { LeafOf, Scope } from './scope';
import { contains, equalsNormalized } from './text';

/** The fixed operator registry: the only things a rule pack can name. */
export const operators: { [N in OperatorName]: (leaf: LeafOf<N>, scope: Scope) => LeafResult } = {
  exists,
  eq,
  ne,
  lt,
  lte,
  gt,
  gte,
  between,
  in: inList,
  equalsNormalized,
  monthsBetween,
  count,
  countDistinct,
  sum,
  every,
  compareFields,
  contains,
};
