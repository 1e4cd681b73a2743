import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['between pass inclusive', 'pass', { op: 'between', field: 'budget.central', min: 100, max: 300 }],
  [
    'between fail',
    'fail',
    { op: 'between', field: 'budget.central', min: 0, max: { fact: 'direction.fundingPerProject' } },
    { min: 0, max: 200, actual: 300 },
  ],
  ['between missing', 'unknown', { op: 'between', field: 'x', min: 0, max: 1 }, { missing: ['x'] }],
];

describe('between', () => operatorCases(cases));
