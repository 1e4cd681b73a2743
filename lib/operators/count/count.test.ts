import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  [
    'count pass',
    'pass',
    { op: 'count', list: 'units', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 1 },
    { actual: 2 },
  ],
  [
    'count fail',
    'fail',
    { op: 'count', list: 'units', where: { op: 'eq', field: 'type', value: 'institute' }, min: 1 },
    { actual: 0, min: 1 },
  ],
  ['count of empty list fails min', 'fail', { op: 'count', list: 'empty', min: 1 }],
  [
    'count undecided item',
    'unknown',
    { op: 'count', list: 'halfFilled', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 2 },
    { missing: ['halfFilled.1.type'] },
  ],
  [
    'count decided despite unknown item',
    'pass',
    { op: 'count', list: 'halfFilled', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 1 },
  ],
  ['count absent list', 'unknown', { op: 'count', list: 'nothing', min: 1 }, { missing: ['nothing'] }],
];

describe('count', () => operatorCases(cases));
