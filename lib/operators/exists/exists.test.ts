import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['exists filled', 'pass', { op: 'exists', field: 'pi.name' }],
  ['exists blank string', 'fail', { op: 'exists', field: 'pi.email' }, { missing: ['pi.email'] }],
  ['exists absent', 'fail', { op: 'exists', field: 'pi.phone' }],
];

describe('exists', () => operatorCases(cases));
