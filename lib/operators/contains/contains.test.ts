import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'contains in list',
    condition: { op: 'contains', field: 'partner.memberships', value: 'riken' },
    status: 'pass',
  },
  {
    name: 'contains not in list',
    condition: { op: 'contains', field: 'partner.memberships', value: 'SFI' },
    status: 'fail',
  },
  {
    name: 'contains empty list',
    condition: { op: 'contains', field: 'partner.none', value: 'SFI' },
    status: 'unknown',
  },
  {
    name: 'contains in text',
    condition: { op: 'contains', field: 'partner.institution', value: 'norwegian' },
    status: 'pass',
  },
];

describe('contains', () => runCases(cases));
