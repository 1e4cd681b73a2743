import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['in pass', 'pass', { op: 'in', field: 'leadUnit.type', values: ['university', 'institute'] }],
  ['in fail', 'fail', { op: 'in', field: 'leadUnit.type', values: ['institute'] }],
  ['in missing', 'unknown', { op: 'in', field: 'x', values: ['a'] }],
];

describe('in', () => operatorCases(cases));
