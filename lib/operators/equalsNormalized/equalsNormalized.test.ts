import { describe } from 'vitest';
import { type Row, operatorCases } from '@/test/unit/operators/harness';

const cases: Row[] = [
  ['equalsNormalized value', 'pass', { op: 'equalsNormalized', field: 'project.nameEn', value: 'quantum networks' }],
  ['equalsNormalized full-width', 'pass', { op: 'equalsNormalized', field: 'leadUnit.name', value: 'A大学' }],
  ['equalsNormalized fail', 'fail', { op: 'equalsNormalized', field: 'project.nameEn', value: 'Quantum Network' }],
  [
    'equalsNormalized other field missing',
    'unknown',
    { op: 'equalsNormalized', field: 'project.nameEn', otherField: 'project.abstractEn' },
    { missing: ['project.abstractEn'] },
  ],
];

describe('equalsNormalized', () => operatorCases(cases));
