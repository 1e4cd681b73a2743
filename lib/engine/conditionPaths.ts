import type { Condition, NumberRef } from './condition';

/** A path a condition reads. `within` lists the enclosing list paths when the path is relative to a list item. */
export interface PathRead {
  path: string;
  within: string[];
  role: 'field' | 'list' | 'fact';
}

/** Every path a condition reads, in order, with the list scopes it is relative to. */
export function conditionPaths(condition: Condition, within: string[] = []): PathRead[] {
  if ('all' in condition) return condition.all.flatMap((c) => conditionPaths(c, within));
  if ('any' in condition) return condition.any.flatMap((c) => conditionPaths(c, within));
  if ('not' in condition) return conditionPaths(condition.not, within);
  const field = (path: string | undefined): PathRead[] => (path === undefined ? [] : [{ path, within, role: 'field' }]);
  const fact = (ref: NumberRef | undefined): PathRead[] => (ref === undefined || typeof ref === 'number' ? [] : [{ path: ref.fact, within: [], role: 'fact' }]);
  switch (condition.op) {
    case 'exists':
    case 'eq':
    case 'ne':
    case 'in':
    case 'contains':
      return field(condition.field);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return [...field(condition.field), ...fact(condition.value)];
    case 'between':
      return [...field(condition.field), ...fact(condition.min), ...fact(condition.max)];
    case 'equalsNormalized':
      return [...field(condition.field), ...field(condition.otherField)];
    case 'compareFields':
      return [...field(condition.field), ...field(condition.otherField)];
    case 'monthsBetween':
      return [...field(condition.from), ...field(condition.to)];
    case 'count':
    case 'countDistinct':
    case 'sum':
    case 'every': {
      const inner = [...within, condition.list];
      const list: PathRead = { path: condition.list, within, role: 'list' };
      const nested = [
        ...(condition.where ? conditionPaths(condition.where, inner) : []),
        ...(condition.op === 'every' ? conditionPaths(condition.check, inner) : []),
        ...(condition.op === 'countDistinct' || condition.op === 'sum' ? field(condition.of).map((r) => ({ ...r, within: inner })) : []),
        ...(condition.op === 'sum' ? [...fact(condition.min), ...fact(condition.max)] : []),
      ];
      return [list, ...nested];
    }
  }
}
