import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['sum pass', 'pass', { op: 'sum', list: 'units', of: 'governmentFunding', max: 190 }, { actual: 190 }],
  [
    'sum fail with where',
    'fail',
    { op: 'sum', list: 'units', of: 'matchingFunds', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 71 },
    { actual: 70 },
  ],
  [
    'sum missing term',
    'unknown',
    { op: 'sum', list: 'halfFilled', of: 'governmentFunding', max: 100 },
    { missing: ['halfFilled.1.governmentFunding'] },
  ],
];

describe('sum', () => operatorCases(cases));
