import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  { name: 'lt pass', condition: { op: 'lt', field: 'budget.central', value: 301 }, status: 'pass' },
  {
    name: 'lt fail at equal',
    condition: { op: 'lt', field: 'budget.central', value: 300 },
    status: 'fail',
    expect: { max: 300 },
  },
  {
    name: 'lt missing',
    condition: { op: 'lt', field: 'budget.none', value: 1 },
    status: 'unknown',
    expect: { missing: ['budget.none'] },
  },
  { name: 'lte pass at equal', condition: { op: 'lte', field: 'budget.central', value: 300 }, status: 'pass' },
  {
    name: 'lte fact times',
    condition: { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject', times: 1.5 } },
    status: 'pass',
    expect: { expected: 300 },
  },
  {
    name: 'lte fact fail',
    condition: { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject' } },
    status: 'fail',
    expect: { actual: 300, expected: 200, max: 200 },
  },
  {
    name: 'lte fact missing',
    condition: { op: 'lte', field: 'budget.central', value: { fact: 'direction.totalBudget' } },
    status: 'unknown',
    expect: { missing: ['direction.totalBudget'] },
  },
  {
    name: 'lte not a number',
    condition: { op: 'lte', field: 'budget.text', value: 1 },
    status: 'unknown',
    expect: { actual: 'abc', missing: [] },
  },
  { name: 'gt pass', condition: { op: 'gt', field: 'budget.other', value: 100 }, status: 'pass' },
  { name: 'gt fail', condition: { op: 'gt', field: 'budget.other', value: 120 }, status: 'fail', expect: { min: 120 } },
  { name: 'gt missing', condition: { op: 'gt', field: 'x', value: 1 }, status: 'unknown' },
  { name: 'gte pass', condition: { op: 'gte', field: 'budget.other', value: 120 }, status: 'pass' },
  { name: 'gte fail', condition: { op: 'gte', field: 'budget.other', value: 121 }, status: 'fail' },
  { name: 'gte missing', condition: { op: 'gte', field: 'x', value: 1 }, status: 'unknown' },
];

describe('compare', () => runCases(cases));
