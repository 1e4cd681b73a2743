import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/packs/parsePack';
import { miniPackJson } from '../engine/fixturePack';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit arbitrary paths of a parsed JSON pack
type Json = Record<string, any>;

/** The mini pack whose direction 1.7 (with areas) carries one more rule: `extra` over a valid check rule. */
function withRule(extra: Json): unknown {
  const pack = miniPackJson() as Json;
  const direction = pack.directions[0];
  direction.areas = [{ name: '5G领域的5G/B5G物联网方向', subAreas: ['智慧医疗'] }, { name: '智慧健康方向' }];
  const base = { ...direction.rules[0], id: 'test-mini/1.7/extra' };
  delete base.check;
  direction.rules.push({ ...base, ...extra });
  return pack;
}

const errorsOf = (json: unknown) => {
  const result = parsePack(json);
  return result.ok ? [] : result.errors;
};
const at = (n: number) => `directions[0].rules[${n}]`;

describe('typed paths and vocabularies', () => {
  const last = (miniPackJson() as Json).directions[0].rules.length;

  it.each([
    [
      'a date compared as a number',
      { check: { op: 'gte', field: 'pi.birthDate', value: 19650101 } },
      `${at(last)}.check.field: "pi.birthDate" holds a date; this operator needs a number`,
    ],
    [
      'a number given to a date operator',
      { check: { op: 'onOrAfter', field: 'budget.central', date: '1965-01-01' } },
      `${at(last)}.check.field: "budget.central" holds a number; this operator needs a date`,
    ],
    [
      'a unit type that does not exist',
      { check: { op: 'ne', field: 'leadUnit.type', value: 'stateorgan' } },
      `${at(last)}.check.value: "stateorgan" is not a value of "leadUnit.type"`,
    ],
    [
      'a unit type inside a list item',
      {
        check: {
          op: 'every',
          list: 'units',
          check: { op: 'in', field: 'type', values: ['stateOrgan', 'governmentBody'] },
        },
      },
      `${at(last)}.check.check.values[1]: "governmentBody" is not a value of "type"`,
    ],
    [
      'an area the direction does not have',
      { when: { op: 'eq', field: 'project.area', value: '6G' }, check: { op: 'exists', field: 'pi.name' } },
      `${at(last)}.when.value: "6G" is not a value of "project.area" (5G领域的5G/B5G物联网方向, 智慧医疗, 智慧健康方向)`,
    ],
    [
      'a title level that does not exist',
      { check: { op: 'eq', field: 'pi.titleLevel', value: '正高级' } },
      `${at(last)}.check.value: "正高级" is not a value of "pi.titleLevel" (senior, associateSenior, intermediate, junior)`,
    ],
    [
      'a literal date that is not YYYY-MM-DD',
      { check: { op: 'onOrAfter', field: 'pi.birthDate', date: '19650101' } },
      `${at(last)}.check.date: expected a real date written YYYY-MM-DD`,
    ],
    [
      'a literal date that does not exist',
      { check: { op: 'onOrBefore', field: 'leadUnit.registeredOn', date: '2024-09-31' } },
      `${at(last)}.check.date: expected a real date written YYYY-MM-DD`,
    ],
  ])('rejects %s', (_, rule, message) => {
    const errors = errorsOf(withRule(rule));
    expect(errors.some((e) => e.startsWith(message))).toBe(true);
  });

  it.each([
    [
      'a state organ excluded',
      { check: { op: 'every', list: 'units', check: { op: 'ne', field: 'type', value: 'stateOrgan' } } },
    ],
    ['a birth date on or after', { check: { op: 'onOrAfter', field: 'pi.birthDate', date: '1965-01-01' } }],
    [
      'a sub-area',
      { when: { op: 'eq', field: 'project.area', value: '智慧医疗' }, check: { op: 'exists', field: 'pi.name' } },
    ],
    ['a title level', { check: { op: 'in', field: 'pi.titleLevel', values: ['senior', 'associateSenior'] } }],
    ['months per year', { check: { op: 'gte', field: 'pi.monthsPerYear', value: 6 } }],
  ])('accepts %s', (_, rule) => {
    expect(errorsOf(withRule(rule))).toEqual([]);
  });
});

describe('strict pack objects', () => {
  it.each([
    [
      'a rule',
      (p: Json) => (p.directions[0].rules[0].wehn = p.directions[0].rules[0].check),
      'directions[0].rules[0]: ',
    ],
    ['a direction', (p: Json) => (p.directions[1].rulse = []), 'directions[1]: '],
    ['the pack', (p: Json) => (p.expire = '2030-01-01'), '(root): '],
    ['a title', (p: Json) => (p.title.fr = 'x'), 'title: '],
  ])('a misspelt key of %s is an error with its path', (_, edit, path) => {
    const pack = miniPackJson() as Json;
    edit(pack);
    const errors = errorsOf(pack);
    expect(errors.some((e) => e.startsWith(path) && /wehn|rulse|expire|fr/.test(e) && e.includes('未知字段'))).toBe(
      true,
    );
  });
});
