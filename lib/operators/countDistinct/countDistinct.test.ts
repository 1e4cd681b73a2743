import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  [
    'countDistinct pass (normalised)',
    'pass',
    { op: 'countDistinct', list: 'units', of: 'affiliation', min: 2 },
    { actual: 2 },
  ],
  ['countDistinct fail', 'fail', { op: 'countDistinct', list: 'units', of: 'affiliation', min: 3 }],
  [
    'countDistinct unknown',
    'unknown',
    { op: 'countDistinct', list: 'halfFilled', of: 'affiliation', min: 1 },
    { missing: ['halfFilled.0.affiliation', 'halfFilled.1.affiliation'] },
  ],
];

describe('countDistinct', () => operatorCases(cases));
