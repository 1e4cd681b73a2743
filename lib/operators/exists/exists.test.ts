import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  { name: 'exists filled', condition: { op: 'exists', field: 'pi.name' }, status: 'pass' },
  {
    name: 'exists blank string',
    condition: { op: 'exists', field: 'pi.email' },
    status: 'fail',
    expect: { missing: ['pi.email'] },
  },
  { name: 'exists absent', condition: { op: 'exists', field: 'pi.phone' }, status: 'fail' },
];

describe('exists', () => runCases(cases));
