import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  [
    'compareFields pass',
    'pass',
    { op: 'compareFields', field: 'leadUnit.matchingFunds', cmp: 'gte', otherField: 'leadUnit.governmentFunding' },
  ],
  [
    'compareFields fail',
    'fail',
    { op: 'compareFields', field: 'leadUnit.matchingFunds', cmp: 'lt', otherField: 'leadUnit.governmentFunding' },
    { actual: 250, expected: 200 },
  ],
  [
    'compareFields missing',
    'unknown',
    { op: 'compareFields', field: 'leadUnit.matchingFunds', cmp: 'eq', otherField: 'leadUnit.x' },
    { missing: ['leadUnit.x'] },
  ],
];

describe('compareFields', () => operatorCases(cases));
