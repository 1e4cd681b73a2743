import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'in pass',
    condition: { op: 'in', field: 'leadUnit.type', values: ['university', 'institute'] },
    status: 'pass',
  },
  { name: 'in fail', condition: { op: 'in', field: 'leadUnit.type', values: ['institute'] }, status: 'fail' },
  { name: 'in missing', condition: { op: 'in', field: 'x', values: ['a'] }, status: 'unknown' },
];

describe('in', () => runCases(cases));
