import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'sum pass',
    condition: { op: 'sum', list: 'units', of: 'governmentFunding', max: 190 },
    status: 'pass',
    expect: { actual: 190 },
  },
  {
    name: 'sum fail with where',
    condition: {
      op: 'sum',
      list: 'units',
      of: 'matchingFunds',
      where: { op: 'eq', field: 'type', value: 'enterprise' },
      min: 71,
    },
    status: 'fail',
    expect: { actual: 70 },
  },
  {
    name: 'sum missing term',
    condition: { op: 'sum', list: 'halfFilled', of: 'governmentFunding', max: 100 },
    status: 'unknown',
    expect: { missing: ['halfFilled.1.governmentFunding'] },
  },
];

describe('sum', () => runCases(cases));
