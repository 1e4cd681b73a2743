import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

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

const daySpans: Row[] = [
  [
    'monthsBetween at most 36: exactly three years',
    'pass',
    { op: 'monthsBetween', from: 'p.start', to: 'p.threeYears', max: 36 },
  ],
  [
    'monthsBetween at most 36: three years and a day',
    'fail',
    { op: 'monthsBetween', from: 'p.start', to: 'p.threeYearsAndADay', max: 36 },
  ],
  [
    'monthsBetween 24–36: three years and 30 days',
    'fail',
    { op: 'monthsBetween', from: 'p.start', to: 'p.threeYearsAnd30Days', min: 24, max: 36 },
  ],
  [
    'monthsBetween exactly 24: two years',
    'pass',
    { op: 'monthsBetween', from: 'p.start', to: 'p.twoYears', min: 24, max: 24 },
  ],
  [
    'monthsBetween exactly 24: two years and 30 days',
    'fail',
    { op: 'monthsBetween', from: 'p.start', to: 'p.twoYearsAnd30Days', min: 24, max: 24 },
  ],
  [
    'monthsBetween exactly 24 from mid-month: the day before',
    'pass',
    { op: 'monthsBetween', from: 'p.midStart', to: 'p.midDayBefore', min: 24, max: 24 },
  ],
  [
    'monthsBetween exactly 24 from mid-month: the end of that month',
    'pass',
    { op: 'monthsBetween', from: 'p.midStart', to: 'p.midMonthEnd', min: 24, max: 24 },
  ],
  [
    'monthsBetween exactly 24 from mid-month: any other day',
    'fail',
    { op: 'monthsBetween', from: 'p.midStart', to: 'p.midDayAfter', min: 24, max: 24 },
  ],
  [
    'monthsBetween reversed dates never pass',
    'unknown',
    { op: 'monthsBetween', from: 'p.start', to: 'p.before', max: 36 },
  ],
];

const cases: Row[] = [
  [
    'monthsBetween 24 months',
    'pass',
    { op: 'monthsBetween', from: 'project.startDate', to: 'project.endDate', max: 24 },
    { actual: 24 },
  ],
  [
    'monthsBetween over',
    'fail',
    { op: 'monthsBetween', from: 'project.startDate', to: 'project.endDate', max: 23 },
    { actual: 24, max: 23 },
  ],
  [
    'monthsBetween missing',
    'unknown',
    { op: 'monthsBetween', from: 'project.startDate', to: 'project.stop', min: 12 },
    { missing: ['project.stop'] },
  ],
  [
    'monthsBetween invalid date',
    'unknown',
    { op: 'monthsBetween', from: 'project.startDate', to: 'project.badDate', max: 36 },
  ],
];

describe('monthsBetween', () => {
  operatorCases(cases);
  operatorCases(daySpans, spans);
});
