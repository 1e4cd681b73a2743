import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const context = {
  pi: { birthDate: '1965-01-01', late: '1964-12-31', bad: '1965-02-30', slashed: '1965/01/01' },
  project: { startDate: '2020-01-01', endDate: '2019-12-31' },
};

const cases: Case[] = [
  {
    name: 'onOrAfter on the day',
    condition: { op: 'onOrAfter', field: 'pi.birthDate', date: '1965-01-01' },
    status: 'pass',
  },
  {
    name: 'onOrAfter one day early',
    condition: { op: 'onOrAfter', field: 'pi.late', date: '1965-01-01' },
    status: 'fail',
    expect: { actual: '1964-12-31', expected: '1965-01-01' },
  },
  {
    name: 'onOrAfter missing',
    condition: { op: 'onOrAfter', field: 'pi.none', date: '1965-01-01' },
    status: 'unknown',
    expect: { missing: ['pi.none'] },
  },
  {
    name: 'onOrAfter impossible date is not a pass',
    condition: { op: 'onOrAfter', field: 'pi.bad', date: '1900-01-01' },
    status: 'unknown',
    expect: { missing: [] },
  },
  { name: 'after on the day', condition: { op: 'after', field: 'pi.birthDate', date: '1965-01-01' }, status: 'fail' },
  {
    name: 'after one day later',
    condition: { op: 'after', field: 'pi.birthDate', date: '1964-12-31' },
    status: 'pass',
  },
  { name: 'after non-ISO', condition: { op: 'after', field: 'pi.slashed', date: '1964-12-31' }, status: 'unknown' },
  { name: 'before on the day', condition: { op: 'before', field: 'pi.birthDate', date: '1965-01-01' }, status: 'fail' },
  { name: 'before one day later', condition: { op: 'before', field: 'pi.late', date: '1965-01-01' }, status: 'pass' },
  { name: 'before missing', condition: { op: 'before', field: 'pi.none', date: '1965-01-01' }, status: 'unknown' },
  {
    name: 'onOrBefore on the day',
    condition: { op: 'onOrBefore', field: 'pi.birthDate', date: '1965-01-01' },
    status: 'pass',
  },
  {
    name: 'onOrBefore another field, reversed project',
    condition: { op: 'onOrBefore', field: 'project.startDate', otherField: 'project.endDate' },
    status: 'fail',
    expect: { actual: '2020-01-01', expected: '2019-12-31' },
  },
  {
    name: 'onOrBefore other field missing',
    condition: { op: 'onOrBefore', field: 'project.startDate', otherField: 'project.none' },
    status: 'unknown',
    expect: { missing: ['project.none'] },
  },
];

describe('dateCompare', () => runCases(cases, context));
