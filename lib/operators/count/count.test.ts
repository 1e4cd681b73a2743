import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'count pass',
    condition: { op: 'count', list: 'units', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 1 },
    status: 'pass',
    expect: { actual: 2 },
  },
  {
    name: 'count fail',
    condition: { op: 'count', list: 'units', where: { op: 'eq', field: 'type', value: 'institute' }, min: 1 },
    status: 'fail',
    expect: { actual: 0, min: 1 },
  },
  { name: 'count of empty list fails min', condition: { op: 'count', list: 'empty', min: 1 }, status: 'fail' },
  {
    name: 'count undecided item',
    condition: { op: 'count', list: 'halfFilled', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 2 },
    status: 'unknown',
    expect: { missing: ['halfFilled.1.type'] },
  },
  {
    name: 'count decided despite unknown item',
    condition: { op: 'count', list: 'halfFilled', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 1 },
    status: 'pass',
  },
  {
    name: 'count absent list',
    condition: { op: 'count', list: 'nothing', min: 1 },
    status: 'unknown',
    expect: { missing: ['nothing'] },
  },
];

describe('count', () => runCases(cases));
