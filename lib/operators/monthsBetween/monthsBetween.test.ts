import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

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

describe('monthsBetween', () => runCases(cases));
