import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const context = { pi: { birthDate: '1966-01-01', older: '1965-12-31', bad: '1966-13-01' } };

const cases: Row[] = [
  [
    'ageAt 60 on the eve of the 61st birthday',
    'pass',
    { op: 'ageAt', field: 'pi.birthDate', on: '2026-12-31', max: 60 },
    { actual: 60 },
  ],
  [
    'ageAt 61 on the birthday',
    'fail',
    { op: 'ageAt', field: 'pi.birthDate', on: '2027-01-01', max: 60 },
    { actual: 61, max: 60 },
  ],
  ['ageAt one day older', 'fail', { op: 'ageAt', field: 'pi.older', on: '2026-12-31', max: 60 }, { actual: 61 }],
  ['ageAt minimum', 'pass', { op: 'ageAt', field: 'pi.birthDate', on: '2026-01-01', min: 18 }],
  ['ageAt missing', 'unknown', { op: 'ageAt', field: 'pi.none', on: '2026-01-01', max: 60 }],
  ['ageAt invalid date', 'unknown', { op: 'ageAt', field: 'pi.bad', on: '2026-01-01', max: 60 }],
];

describe('ageAt', () => operatorCases(cases, context));
