import { describe, expect, it } from 'vitest';
import type { Condition } from '@/lib/engine/condition';
import { operatorNames } from '@/lib/engine/condition';
import { evaluateCondition, rootScope } from '@/lib/engine/evaluateCondition';
import { operators } from '@/lib/engine/operators';
import type { ConditionStatus, LeafResult } from '@/lib/engine/result';

const data = {
  project: {
    startDate: '2020-01-01',
    endDate: '2021-12-31',
    nameZh: '量子 通信',
    nameEn: 'Quantum  Networks ',
    badDate: '2021-02-30',
  },
  budget: { central: 300, other: '120', text: 'abc' },
  pi: { name: '张三', email: '' },
  leadUnit: { type: 'university', name: 'Ａ大学', governmentFunding: 200, matchingFunds: 250 },
  direction: { fundingPerProject: 200 },
  partner: { memberships: ['RIKEN', 'FME'], none: [] as string[], institution: 'Norwegian University of Science' },
  units: [
    { name: 'A', type: 'university', affiliation: 'MOE', governmentFunding: 100, matchingFunds: 0 },
    { name: 'B', type: 'enterprise', affiliation: 'B', governmentFunding: 50, matchingFunds: 60 },
    { name: 'C', type: 'enterprise', affiliation: 'moe ', governmentFunding: 40, matchingFunds: 10 },
  ],
  halfFilled: [{ name: 'X', type: 'enterprise', governmentFunding: 10 }, { name: 'Y' }],
  empty: [] as unknown[],
};

interface Case {
  name: string;
  condition: Condition;
  status: ConditionStatus;
  expect?: Partial<LeafResult>;
}

const cases: Case[] = [
  { name: 'exists filled', condition: { op: 'exists', field: 'pi.name' }, status: 'pass' },
  {
    name: 'exists blank string',
    condition: { op: 'exists', field: 'pi.email' },
    status: 'fail',
    expect: { missing: ['pi.email'] },
  },
  { name: 'exists absent', condition: { op: 'exists', field: 'pi.phone' }, status: 'fail' },
  { name: 'eq pass', condition: { op: 'eq', field: 'leadUnit.type', value: 'university' }, status: 'pass' },
  {
    name: 'eq fail',
    condition: { op: 'eq', field: 'leadUnit.type', value: 'enterprise' },
    status: 'fail',
    expect: { actual: 'university', expected: 'enterprise' },
  },
  {
    name: 'eq number against numeric text',
    condition: { op: 'eq', field: 'budget.other', value: 120 },
    status: 'pass',
  },
  {
    name: 'eq missing',
    condition: { op: 'eq', field: 'leadUnit.creditCode', value: 'x' },
    status: 'unknown',
    expect: { missing: ['leadUnit.creditCode'] },
  },
  { name: 'ne pass', condition: { op: 'ne', field: 'leadUnit.type', value: 'enterprise' }, status: 'pass' },
  { name: 'ne fail', condition: { op: 'ne', field: 'leadUnit.type', value: 'university' }, status: 'fail' },
  { name: 'ne missing', condition: { op: 'ne', field: 'pi.title', value: 'x' }, status: 'unknown' },
  { name: 'lt pass', condition: { op: 'lt', field: 'budget.central', value: 301 }, status: 'pass' },
  {
    name: 'lt fail at equal',
    condition: { op: 'lt', field: 'budget.central', value: 300 },
    status: 'fail',
    expect: { max: 300 },
  },
  {
    name: 'lt missing',
    condition: { op: 'lt', field: 'budget.none', value: 1 },
    status: 'unknown',
    expect: { missing: ['budget.none'] },
  },
  { name: 'lte pass at equal', condition: { op: 'lte', field: 'budget.central', value: 300 }, status: 'pass' },
  {
    name: 'lte fact times',
    condition: { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject', times: 1.5 } },
    status: 'pass',
    expect: { expected: 300 },
  },
  {
    name: 'lte fact fail',
    condition: { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject' } },
    status: 'fail',
    expect: { actual: 300, expected: 200, max: 200 },
  },
  {
    name: 'lte fact missing',
    condition: { op: 'lte', field: 'budget.central', value: { fact: 'direction.totalBudget' } },
    status: 'unknown',
    expect: { missing: ['direction.totalBudget'] },
  },
  {
    name: 'lte not a number',
    condition: { op: 'lte', field: 'budget.text', value: 1 },
    status: 'unknown',
    expect: { actual: 'abc', missing: [] },
  },
  { name: 'gt pass', condition: { op: 'gt', field: 'budget.other', value: 100 }, status: 'pass' },
  { name: 'gt fail', condition: { op: 'gt', field: 'budget.other', value: 120 }, status: 'fail', expect: { min: 120 } },
  { name: 'gt missing', condition: { op: 'gt', field: 'x', value: 1 }, status: 'unknown' },
  { name: 'gte pass', condition: { op: 'gte', field: 'budget.other', value: 120 }, status: 'pass' },
  { name: 'gte fail', condition: { op: 'gte', field: 'budget.other', value: 121 }, status: 'fail' },
  { name: 'gte missing', condition: { op: 'gte', field: 'x', value: 1 }, status: 'unknown' },
  {
    name: 'between pass inclusive',
    condition: { op: 'between', field: 'budget.central', min: 100, max: 300 },
    status: 'pass',
  },
  {
    name: 'between fail',
    condition: { op: 'between', field: 'budget.central', min: 0, max: { fact: 'direction.fundingPerProject' } },
    status: 'fail',
    expect: { min: 0, max: 200, actual: 300 },
  },
  {
    name: 'between missing',
    condition: { op: 'between', field: 'x', min: 0, max: 1 },
    status: 'unknown',
    expect: { missing: ['x'] },
  },
  {
    name: 'in pass',
    condition: { op: 'in', field: 'leadUnit.type', values: ['university', 'institute'] },
    status: 'pass',
  },
  { name: 'in fail', condition: { op: 'in', field: 'leadUnit.type', values: ['institute'] }, status: 'fail' },
  { name: 'in missing', condition: { op: 'in', field: 'x', values: ['a'] }, status: 'unknown' },
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
  {
    name: 'count pass',
    condition: { op: 'count', list: 'units', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 1 },
    status: 'pass',
    expect: { actual: 2 },
  },
  {
    name: 'count fail',
    condition: { op: 'count', list: 'units', where: { op: 'eq', field: 'type', value: 'institute' }, min: 1 },
    status: 'fail',
    expect: { actual: 0, min: 1 },
  },
  { name: 'count of empty list fails min', condition: { op: 'count', list: 'empty', min: 1 }, status: 'fail' },
  {
    name: 'count undecided item',
    condition: { op: 'count', list: 'halfFilled', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 2 },
    status: 'unknown',
    expect: { missing: ['halfFilled.1.type'] },
  },
  {
    name: 'count decided despite unknown item',
    condition: { op: 'count', list: 'halfFilled', where: { op: 'eq', field: 'type', value: 'enterprise' }, min: 1 },
    status: 'pass',
  },
  {
    name: 'count absent list',
    condition: { op: 'count', list: 'nothing', min: 1 },
    status: 'unknown',
    expect: { missing: ['nothing'] },
  },
  {
    name: 'countDistinct pass (normalised)',
    condition: { op: 'countDistinct', list: 'units', of: 'affiliation', min: 2 },
    status: 'pass',
    expect: { actual: 2 },
  },
  {
    name: 'countDistinct fail',
    condition: { op: 'countDistinct', list: 'units', of: 'affiliation', min: 3 },
    status: 'fail',
  },
  {
    name: 'countDistinct unknown',
    condition: { op: 'countDistinct', list: 'halfFilled', of: 'affiliation', min: 1 },
    status: 'unknown',
    expect: { missing: ['halfFilled.0.affiliation', 'halfFilled.1.affiliation'] },
  },
  {
    name: 'sum pass',
    condition: { op: 'sum', list: 'units', of: 'governmentFunding', max: 190 },
    status: 'pass',
    expect: { actual: 190 },
  },
  {
    name: 'sum fail with where',
    condition: {
      op: 'sum',
      list: 'units',
      of: 'matchingFunds',
      where: { op: 'eq', field: 'type', value: 'enterprise' },
      min: 71,
    },
    status: 'fail',
    expect: { actual: 70 },
  },
  {
    name: 'sum missing term',
    condition: { op: 'sum', list: 'halfFilled', of: 'governmentFunding', max: 100 },
    status: 'unknown',
    expect: { missing: ['halfFilled.1.governmentFunding'] },
  },
  {
    name: 'every pass',
    condition: { op: 'every', list: 'units', check: { op: 'exists', field: 'name' } },
    status: 'pass',
  },
  {
    name: 'every fail names the item',
    condition: {
      op: 'every',
      list: 'units',
      where: { op: 'eq', field: 'type', value: 'enterprise' },
      check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
    },
    status: 'fail',
    expect: { actual: 1 },
  },
  {
    name: 'every fails on an empty required field',
    condition: { op: 'every', list: 'halfFilled', check: { op: 'exists', field: 'type' } },
    status: 'fail',
  },
  {
    name: 'every unknown when a check cannot be told',
    condition: { op: 'every', list: 'halfFilled', check: { op: 'gte', field: 'governmentFunding', value: 1 } },
    status: 'unknown',
    expect: { missing: ['halfFilled.1.governmentFunding'] },
  },
  {
    name: 'every over empty list',
    condition: { op: 'every', list: 'empty', check: { op: 'exists', field: 'name' } },
    status: 'pass',
  },
  {
    name: 'compareFields pass',
    condition: {
      op: 'compareFields',
      field: 'leadUnit.matchingFunds',
      cmp: 'gte',
      otherField: 'leadUnit.governmentFunding',
    },
    status: 'pass',
  },
  {
    name: 'compareFields fail',
    condition: {
      op: 'compareFields',
      field: 'leadUnit.matchingFunds',
      cmp: 'lt',
      otherField: 'leadUnit.governmentFunding',
    },
    status: 'fail',
    expect: { actual: 250, expected: 200 },
  },
  {
    name: 'compareFields missing',
    condition: { op: 'compareFields', field: 'leadUnit.matchingFunds', cmp: 'eq', otherField: 'leadUnit.x' },
    status: 'unknown',
    expect: { missing: ['leadUnit.x'] },
  },
  {
    name: 'contains in list',
    condition: { op: 'contains', field: 'partner.memberships', value: 'riken' },
    status: 'pass',
  },
  {
    name: 'contains not in list',
    condition: { op: 'contains', field: 'partner.memberships', value: 'SFI' },
    status: 'fail',
  },
  {
    name: 'contains empty list',
    condition: { op: 'contains', field: 'partner.none', value: 'SFI' },
    status: 'unknown',
  },
  {
    name: 'contains in text',
    condition: { op: 'contains', field: 'partner.institution', value: 'norwegian' },
    status: 'pass',
  },
];

describe('operators', () => {
  it.each(cases)('$name → $status', ({ condition, status, expect: expected }) => {
    const result = evaluateCondition(condition, rootScope(data));
    expect(result.status).toBe(status);
    if (expected) expect(result.deciding[0]).toMatchObject(expected);
  });

  it('every operator of the language is in the registry and has pass, fail and unknown cases', () => {
    expect(Object.keys(operators).sort()).toEqual([...operatorNames].sort());
    for (const op of operatorNames) {
      const statuses = new Set(cases.filter((c) => 'op' in c.condition && c.condition.op === op).map((c) => c.status));
      // exists is two-valued by design: emptiness is what it asks about.
      const wanted = op === 'exists' ? ['pass', 'fail'] : ['pass', 'fail', 'unknown'];
      expect([op, [...statuses].sort()]).toEqual([op, wanted.sort()]);
    }
  });

  it('paths inside a list item are reported absolute', () => {
    const result = evaluateCondition(
      {
        op: 'every',
        list: 'units',
        where: { op: 'eq', field: 'type', value: 'enterprise' },
        check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
      },
      rootScope(data),
    );
    expect(result.deciding[0]!.because).toEqual([
      { op: 'compareFields', path: 'units.2.matchingFunds', status: 'fail', actual: 10, expected: 40, min: 40 },
    ]);
  });
});
