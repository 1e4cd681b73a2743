import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const context = { pi: { birthDate: '1966-01-01', older: '1965-12-31', bad: '1966-13-01' } };

const cases: Case[] = [
  {
    name: 'ageAt 60 on the eve of the 61st birthday',
    condition: { op: 'ageAt', field: 'pi.birthDate', on: '2026-12-31', max: 60 },
    status: 'pass',
    expect: { actual: 60 },
  },
  {
    name: 'ageAt 61 on the birthday',
    condition: { op: 'ageAt', field: 'pi.birthDate', on: '2027-01-01', max: 60 },
    status: 'fail',
    expect: { actual: 61, max: 60 },
  },
  {
    name: 'ageAt one day older',
    condition: { op: 'ageAt', field: 'pi.older', on: '2026-12-31', max: 60 },
    status: 'fail',
    expect: { actual: 61 },
  },
  {
    name: 'ageAt minimum',
    condition: { op: 'ageAt', field: 'pi.birthDate', on: '2026-01-01', min: 18 },
    status: 'pass',
  },
  { name: 'ageAt missing', condition: { op: 'ageAt', field: 'pi.none', on: '2026-01-01', max: 60 }, status: 'unknown' },
  {
    name: 'ageAt invalid date',
    condition: { op: 'ageAt', field: 'pi.bad', on: '2026-01-01', max: 60 },
    status: 'unknown',
  },
];

describe('ageAt', () => runCases(cases, context));
