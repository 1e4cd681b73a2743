import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'compareFields pass',
    condition: {
      op: 'compareFields',
      field: 'leadUnit.matchingFunds',
      cmp: 'gte',
      otherField: 'leadUnit.governmentFunding',
    },
    status: 'pass',
  },
  {
    name: 'compareFields fail',
    condition: {
      op: 'compareFields',
      field: 'leadUnit.matchingFunds',
      cmp: 'lt',
      otherField: 'leadUnit.governmentFunding',
    },
    status: 'fail',
    expect: { actual: 250, expected: 200 },
  },
  {
    name: 'compareFields missing',
    condition: { op: 'compareFields', field: 'leadUnit.matchingFunds', cmp: 'eq', otherField: 'leadUnit.x' },
    status: 'unknown',
    expect: { missing: ['leadUnit.x'] },
  },
];

describe('compareFields', () => runCases(cases));
