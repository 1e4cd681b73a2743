import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['lt pass', 'pass', { op: 'lt', field: 'budget.central', value: 301 }],
  ['lt fail at equal', 'fail', { op: 'lt', field: 'budget.central', value: 300 }, { max: 300 }],
  ['lt missing', 'unknown', { op: 'lt', field: 'budget.none', value: 1 }, { missing: ['budget.none'] }],
  ['lte pass at equal', 'pass', { op: 'lte', field: 'budget.central', value: 300 }],
  [
    'lte fact times',
    'pass',
    { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject', times: 1.5 } },
    { expected: 300 },
  ],
  [
    'lte fact fail',
    'fail',
    { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject' } },
    { actual: 300, expected: 200, max: 200 },
  ],
  [
    'lte fact missing',
    'unknown',
    { op: 'lte', field: 'budget.central', value: { fact: 'direction.totalBudget' } },
    { missing: ['direction.totalBudget'] },
  ],
  ['lte not a number', 'unknown', { op: 'lte', field: 'budget.text', value: 1 }, { actual: 'abc', missing: [] }],
  ['gt pass', 'pass', { op: 'gt', field: 'budget.other', value: 100 }],
  ['gt fail', 'fail', { op: 'gt', field: 'budget.other', value: 120 }, { min: 120 }],
  ['gt missing', 'unknown', { op: 'gt', field: 'x', value: 1 }],
  ['gte pass', 'pass', { op: 'gte', field: 'budget.other', value: 120 }],
  ['gte fail', 'fail', { op: 'gte', field: 'budget.other', value: 121 }],
  ['gte missing', 'unknown', { op: 'gte', field: 'x', value: 1 }],
];

describe('compare', () => operatorCases(cases));
