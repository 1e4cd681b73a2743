import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  { name: 'eq pass', condition: { op: 'eq', field: 'leadUnit.type', value: 'university' }, status: 'pass' },
  {
    name: 'eq fail',
    condition: { op: 'eq', field: 'leadUnit.type', value: 'enterprise' },
    status: 'fail',
    expect: { actual: 'university', expected: 'enterprise' },
  },
  {
    name: 'eq number against numeric text',
    condition: { op: 'eq', field: 'budget.other', value: 120 },
    status: 'pass',
  },
  {
    name: 'eq missing',
    condition: { op: 'eq', field: 'leadUnit.creditCode', value: 'x' },
    status: 'unknown',
    expect: { missing: ['leadUnit.creditCode'] },
  },
  { name: 'ne pass', condition: { op: 'ne', field: 'leadUnit.type', value: 'enterprise' }, status: 'pass' },
  { name: 'ne fail', condition: { op: 'ne', field: 'leadUnit.type', value: 'university' }, status: 'fail' },
  { name: 'ne missing', condition: { op: 'ne', field: 'pi.title', value: 'x' }, status: 'unknown' },
];

describe('equality', () => runCases(cases));
