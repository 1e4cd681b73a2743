import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const context = {
  d: {
    good: '2019-02-28',
    leap: '2020-02-29',
    impossible: '2019-02-30',
    slashed: '2019/02/01',
    digits: '20190201',
    blank: ' ',
  },
};

const cases: Row[] = [
  ['isDate real date', 'pass', { op: 'isDate', field: 'd.good' }],
  ['isDate leap day', 'pass', { op: 'isDate', field: 'd.leap' }],
  [
    'isDate impossible date',
    'fail',
    { op: 'isDate', field: 'd.impossible' },
    { path: 'd.impossible', actual: '2019-02-30' },
  ],
  ['isDate slashes', 'fail', { op: 'isDate', field: 'd.slashed' }],
  ['isDate digits only', 'fail', { op: 'isDate', field: 'd.digits' }],
  ['isDate blank', 'unknown', { op: 'isDate', field: 'd.blank' }],
];

describe('isDate', () => operatorCases(cases, context));
