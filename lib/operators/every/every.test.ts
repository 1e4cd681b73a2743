import { describe, expect, it } from 'vitest';
import { evaluateCondition, rootScope } from '@/lib/engine/evaluateCondition';
import { type Case, data, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'every pass',
    condition: { op: 'every', list: 'units', check: { op: 'exists', field: 'name' } },
    status: 'pass',
  },
  {
    name: 'every fail names the item',
    condition: {
      op: 'every',
      list: 'units',
      where: { op: 'eq', field: 'type', value: 'enterprise' },
      check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
    },
    status: 'fail',
    expect: { actual: 1 },
  },
  {
    name: 'every fails on an empty required field',
    condition: { op: 'every', list: 'halfFilled', check: { op: 'exists', field: 'type' } },
    status: 'fail',
  },
  {
    name: 'every unknown when a check cannot be told',
    condition: { op: 'every', list: 'halfFilled', check: { op: 'gte', field: 'governmentFunding', value: 1 } },
    status: 'unknown',
    expect: { missing: ['halfFilled.1.governmentFunding'] },
  },
  {
    name: 'every over empty list',
    condition: { op: 'every', list: 'empty', check: { op: 'exists', field: 'name' } },
    status: 'pass',
  },
];

describe('every', () => {
  runCases(cases);

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
