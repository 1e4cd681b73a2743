import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const spans = {
  p: {
    start: '2020-01-01',
    threeYears: '2022-12-31',
    threeYearsAndADay: '2023-01-01',
    threeYearsAnd30Days: '2023-01-30',
    twoYears: '2021-12-31',
    twoYearsAnd30Days: '2022-01-30',
    midStart: '2020-03-15',
    midDayBefore: '2022-03-14',
    midMonthEnd: '2022-03-31',
    midDayAfter: '2022-03-15',
    before: '2019-12-31',
  },
};

const daySpans: Case[] = [
  {
    name: 'monthsBetween at most 36: exactly three years',
    condition: { op: 'monthsBetween', from: 'p.start', to: 'p.threeYears', max: 36 },
    status: 'pass',
  },
  {
    name: 'monthsBetween at most 36: three years and a day',
    condition: { op: 'monthsBetween', from: 'p.start', to: 'p.threeYearsAndADay', max: 36 },
    status: 'fail',
  },
  {
    name: 'monthsBetween 24–36: three years and 30 days',
    condition: { op: 'monthsBetween', from: 'p.start', to: 'p.threeYearsAnd30Days', min: 24, max: 36 },
    status: 'fail',
  },
  {
    name: 'monthsBetween exactly 24: two years',
    condition: { op: 'monthsBetween', from: 'p.start', to: 'p.twoYears', min: 24, max: 24 },
    status: 'pass',
  },
  {
    name: 'monthsBetween exactly 24: two years and 30 days',
    condition: { op: 'monthsBetween', from: 'p.start', to: 'p.twoYearsAnd30Days', min: 24, max: 24 },
    status: 'fail',
  },
  {
    name: 'monthsBetween exactly 24 from mid-month: the day before',
    condition: { op: 'monthsBetween', from: 'p.midStart', to: 'p.midDayBefore', min: 24, max: 24 },
    status: 'pass',
  },
  {
    name: 'monthsBetween exactly 24 from mid-month: the end of that month',
    condition: { op: 'monthsBetween', from: 'p.midStart', to: 'p.midMonthEnd', min: 24, max: 24 },
    status: 'pass',
  },
  {
    name: 'monthsBetween exactly 24 from mid-month: any other day',
    condition: { op: 'monthsBetween', from: 'p.midStart', to: 'p.midDayAfter', min: 24, max: 24 },
    status: 'fail',
  },
  {
    name: 'monthsBetween reversed dates never pass',
    condition: { op: 'monthsBetween', from: 'p.start', to: 'p.before', max: 36 },
    status: 'unknown',
  },
];

const cases: Case[] = [
  {
    name: 'monthsBetween 24 months',
    condition: { op: 'monthsBetween', from: 'project.startDate', to: 'project.endDate', max: 24 },
    status: 'pass',
    expect: { actual: 24 },
  },
  {
    name: 'monthsBetween over',
    condition: { op: 'monthsBetween', from: 'project.startDate', to: 'project.endDate', max: 23 },
    status: 'fail',
    expect: { actual: 24, max: 23 },
  },
  {
    name: 'monthsBetween missing',
    condition: { op: 'monthsBetween', from: 'project.startDate', to: 'project.stop', min: 12 },
    status: 'unknown',
    expect: { missing: ['project.stop'] },
  },
  {
    name: 'monthsBetween invalid date',
    condition: { op: 'monthsBetween', from: 'project.startDate', to: 'project.badDate', max: 36 },
    status: 'unknown',
  },
];

describe('monthsBetween', () => {
  runCases(cases);
  runCases(daySpans, spans);
});
