import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'countDistinct pass (normalised)',
    condition: { op: 'countDistinct', list: 'units', of: 'affiliation', min: 2 },
    status: 'pass',
    expect: { actual: 2 },
  },
  {
    name: 'countDistinct fail',
    condition: { op: 'countDistinct', list: 'units', of: 'affiliation', min: 3 },
    status: 'fail',
  },
  {
    name: 'countDistinct unknown',
    condition: { op: 'countDistinct', list: 'halfFilled', of: 'affiliation', min: 1 },
    status: 'unknown',
    expect: { missing: ['halfFilled.0.affiliation', 'halfFilled.1.affiliation'] },
  },
];

describe('countDistinct', () => runCases(cases));
