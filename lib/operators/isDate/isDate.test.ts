import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

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

const cases: Case[] = [
  { name: 'isDate real date', condition: { op: 'isDate', field: 'd.good' }, status: 'pass' },
  { name: 'isDate leap day', condition: { op: 'isDate', field: 'd.leap' }, status: 'pass' },
  {
    name: 'isDate impossible date',
    condition: { op: 'isDate', field: 'd.impossible' },
    status: 'fail',
    expect: { path: 'd.impossible', actual: '2019-02-30' },
  },
  { name: 'isDate slashes', condition: { op: 'isDate', field: 'd.slashed' }, status: 'fail' },
  { name: 'isDate digits only', condition: { op: 'isDate', field: 'd.digits' }, status: 'fail' },
  { name: 'isDate blank', condition: { op: 'isDate', field: 'd.blank' }, status: 'unknown' },
];

describe('isDate', () => runCases(cases, context));
