import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['contains in list', 'pass', { op: 'contains', field: 'partner.memberships', value: 'riken' }],
  ['contains not in list', 'fail', { op: 'contains', field: 'partner.memberships', value: 'SFI' }],
  ['contains empty list', 'unknown', { op: 'contains', field: 'partner.none', value: 'SFI' }],
  ['contains in text', 'pass', { op: 'contains', field: 'partner.institution', value: 'norwegian' }],
];

describe('contains', () => operatorCases(cases));
