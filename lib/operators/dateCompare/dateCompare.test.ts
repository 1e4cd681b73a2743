import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const context = {
  pi: { birthDate: '1965-01-01', late: '1964-12-31', bad: '1965-02-30', slashed: '1965/01/01' },
  project: { startDate: '2020-01-01', endDate: '2019-12-31' },
};

const cases: Row[] = [
  ['onOrAfter on the day', 'pass', { op: 'onOrAfter', field: 'pi.birthDate', date: '1965-01-01' }],
  [
    'onOrAfter one day early',
    'fail',
    { op: 'onOrAfter', field: 'pi.late', date: '1965-01-01' },
    { actual: '1964-12-31', expected: '1965-01-01' },
  ],
  ['onOrAfter missing', 'unknown', { op: 'onOrAfter', field: 'pi.none', date: '1965-01-01' }, { missing: ['pi.none'] }],
  [
    'onOrAfter impossible date is not a pass',
    'unknown',
    { op: 'onOrAfter', field: 'pi.bad', date: '1900-01-01' },
    { missing: [] },
  ],
  ['after on the day', 'fail', { op: 'after', field: 'pi.birthDate', date: '1965-01-01' }],
  ['after one day later', 'pass', { op: 'after', field: 'pi.birthDate', date: '1964-12-31' }],
  ['after non-ISO', 'unknown', { op: 'after', field: 'pi.slashed', date: '1964-12-31' }],
  ['before on the day', 'fail', { op: 'before', field: 'pi.birthDate', date: '1965-01-01' }],
  ['before one day later', 'pass', { op: 'before', field: 'pi.late', date: '1965-01-01' }],
  ['before missing', 'unknown', { op: 'before', field: 'pi.none', date: '1965-01-01' }],
  ['onOrBefore on the day', 'pass', { op: 'onOrBefore', field: 'pi.birthDate', date: '1965-01-01' }],
  [
    'onOrBefore another field, reversed project',
    'fail',
    { op: 'onOrBefore', field: 'project.startDate', otherField: 'project.endDate' },
    { actual: '2020-01-01', expected: '2019-12-31' },
  ],
  [
    'onOrBefore other field missing',
    'unknown',
    { op: 'onOrBefore', field: 'project.startDate', otherField: 'project.none' },
    { missing: ['project.none'] },
  ],
];

describe('dateCompare', () => operatorCases(cases, context));
