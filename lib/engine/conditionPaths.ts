import type { Condition, NumberRef } from './condition';

/** A path a condition reads. `within` lists the enclosing list paths when the path is relative to a list item. */
export interface PathRead {
  path: string;
  within: string[];
  role: 'field' | 'list' | 'fact';
  /** Where the path is written inside the condition, e.g. ["all", 0, "field"], for error messages. */
  at: (string | number)[];
}

/** Every path a condition reads, in order, with the list scopes it is relative to. */
export function conditionPaths(condition: Condition, within: string[] = [], at: (string | number)[] = []): PathRead[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionPaths(c, within, [...at, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionPaths(c, within, [...at, 'any', i]));
  if ('not' in condition) return conditionPaths(condition.not, within, [...at, 'not']);
  const key = (name: string, path: string | undefined): PathRead[] =>
    path === undefined ? [] : [{ path, within, role: 'field', at: [...at, name] }];
  const fact = (name: string, ref: NumberRef | undefined): PathRead[] =>
    ref === undefined || typeof ref === 'number'
      ? []
      : [{ path: ref.fact, within: [], role: 'fact', at: [...at, name, 'fact'] }];
  switch (condition.op) {
    case 'exists':
    case 'eq':
    case 'ne':
    case 'in':
    case 'contains':
      return key('field', condition.field);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return [...key('field', condition.field), ...fact('value', condition.value)];
    case 'between':
      return [...key('field', condition.field), ...fact('min', condition.min), ...fact('max', condition.max)];
    case 'equalsNormalized':
    case 'compareFields':
      return [...key('field', condition.field), ...key('otherField', condition.otherField)];
    case 'monthsBetween':
      return [...key('from', condition.from), ...key('to', condition.to)];
    case 'count':
    case 'countDistinct':
    case 'sum':
    case 'every': {
      const inner = [...within, condition.list];
      const list: PathRead = { path: condition.list, within, role: 'list', at: [...at, 'list'] };
      const nested = [
        ...(condition.where ? conditionPaths(condition.where, inner, [...at, 'where']) : []),
        ...(condition.op === 'every' ? conditionPaths(condition.check, inner, [...at, 'check']) : []),
        ...(condition.op === 'countDistinct' || condition.op === 'sum'
          ? [{ path: condition.of, within: inner, role: 'field' as const, at: [...at, 'of'] }]
          : []),
        ...(condition.op === 'sum' ? [...fact('min', condition.min), ...fact('max', condition.max)] : []),
      ];
      return [list, ...nested];
    }
  }
}
