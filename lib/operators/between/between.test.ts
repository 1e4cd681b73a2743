import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'between pass inclusive',
    condition: { op: 'between', field: 'budget.central', min: 100, max: 300 },
    status: 'pass',
  },
  {
    name: 'between fail',
    condition: { op: 'between', field: 'budget.central', min: 0, max: { fact: 'direction.fundingPerProject' } },
    status: 'fail',
    expect: { min: 0, max: 200, actual: 300 },
  },
  {
    name: 'between missing',
    condition: { op: 'between', field: 'x', min: 0, max: 1 },
    status: 'unknown',
    expect: { missing: ['x'] },
  },
];

describe('between', () => runCases(cases));
