import { describe, expect, it } from 'vitest';
import { evaluateCondition, rootScope } from '@/lib/engine/evaluateCondition';
import { type Row, data, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['every pass', 'pass', { op: 'every', list: 'units', check: { op: 'exists', field: 'name' } }],
  [
    'every fail names the item',
    'fail',
    {
      op: 'every',
      list: 'units',
      where: { op: 'eq', field: 'type', value: 'enterprise' },
      check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
    },
    { actual: 1 },
  ],
  [
    'every fails on an empty required field',
    'fail',
    { op: 'every', list: 'halfFilled', check: { op: 'exists', field: 'type' } },
  ],
  [
    'every unknown when a check cannot be told',
    'unknown',
    { op: 'every', list: 'halfFilled', check: { op: 'gte', field: 'governmentFunding', value: 1 } },
    { missing: ['halfFilled.1.governmentFunding'] },
  ],
  ['every over empty list', 'pass', { op: 'every', list: 'empty', check: { op: 'exists', field: 'name' } }],
];

describe('every', () => {
  operatorCases(cases);

  it('paths inside a list item are reported absolute', () => {
    const result = evaluateCondition(
      {
        op: 'every',
        list: 'units',
        where: { op: 'eq', field: 'type', value: 'enterprise' },
        check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
      },
      rootScope(data),
    );
    expect(result.deciding[0]!.because).toEqual([
      { op: 'compareFields', path: 'units.2.matchingFunds', status: 'fail', actual: 10, expected: 40, min: 40 },
    ]);
  });
});
