import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['eq pass', 'pass', { op: 'eq', field: 'leadUnit.type', value: 'university' }],
  [
    'eq fail',
    'fail',
    { op: 'eq', field: 'leadUnit.type', value: 'enterprise' },
    { actual: 'university', expected: 'enterprise' },
  ],
  ['eq number against numeric text', 'pass', { op: 'eq', field: 'budget.other', value: 120 }],
  [
    'eq missing',
    'unknown',
    { op: 'eq', field: 'leadUnit.creditCode', value: 'x' },
    { missing: ['leadUnit.creditCode'] },
  ],
  ['ne pass', 'pass', { op: 'ne', field: 'leadUnit.type', value: 'enterprise' }],
  ['ne fail', 'fail', { op: 'ne', field: 'leadUnit.type', value: 'university' }],
  ['ne missing', 'unknown', { op: 'ne', field: 'pi.title', value: 'x' }],
];

describe('equality', () => operatorCases(cases));
