import { describe } from 'vitest';
import { type Case, runCases } from '@/test/unit/operators/harness';

const cases: Case[] = [
  {
    name: 'equalsNormalized value',
    condition: { op: 'equalsNormalized', field: 'project.nameEn', value: 'quantum networks' },
    status: 'pass',
  },
  {
    name: 'equalsNormalized full-width',
    condition: { op: 'equalsNormalized', field: 'leadUnit.name', value: 'A大学' },
    status: 'pass',
  },
  {
    name: 'equalsNormalized fail',
    condition: { op: 'equalsNormalized', field: 'project.nameEn', value: 'Quantum Network' },
    status: 'fail',
  },
  {
    name: 'equalsNormalized other field missing',
    condition: { op: 'equalsNormalized', field: 'project.nameEn', otherField: 'project.abstractEn' },
    status: 'unknown',
    expect: { missing: ['project.abstractEn'] },
  },
];

describe('equalsNormalized', () => runCases(cases));
