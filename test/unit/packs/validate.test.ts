import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/packs/parsePack';
import { miniPackJson } from '../engine/fixturePack';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit arbitrary paths of a parsed JSON pack
type Json = Record<string, any>;
/** The mini pack with one edit applied. */
function edited(edit: (pack: Json) => void): unknown {
  const pack = miniPackJson() as Json;
  edit(pack);
  return pack;
}
const errorsOf = (json: unknown) => {
  const result = parsePack(json);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
};

// Two directions padded in front so the paths below match the example.
function withDirectionAt3(rule: Json): unknown {
  return edited((pack) => {
    const d = pack.directions[0];
    pack.directions = [
      { ...d, code: '9.1', rules: [] },
      { ...d, code: '9.2', rules: [] },
      { ...d, code: '9.3', rules: [] },
      { ...d, code: '9.4', rules: [d.rules[0], { ...d.rules[1] }, rule] },
    ];
  });
}

describe('parsePack', () => {
  it('accepts the mini pack', () => {
    const result = parsePack(miniPackJson());
    expect(result.ok).toBe(true);
  });

  it('reports an unknown operator at its exact path', () => {
    const rule = {
      ...(miniPackJson() as Json).directions[0].rules[2],
      when: { all: [{ op: 'regexp', field: 'pi.name', pattern: '.*' }] },
    };
    const errors = errorsOf(withDirectionAt3(rule));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^directions\[3\]\.rules\[2\]\.when\.all\[0\]\.op: unknown operator "regexp"（未知运算符/,
    );
  });

  it.each<[string, (pack: Json) => void, RegExp]>([
    [
      'a misspelt key',
      (p) => (p.directions[0].rules[0].check.feild = 'x'),
      /^directions\[0\]\.rules\[0\]\.check: Unrecognized key: "feild"（未知字段：feild）$/,
    ],
    [
      'a wrong value type',
      (p) => (p.directions[0].rules[0].check.value = '24'),
      /^directions\[0\]\.rules\[0\]\.check\.value: expected a number or \{ "fact"/,
    ],
    [
      'a nested list condition',
      (p) => (p.directions[0].rules[2].check.check.cmp = 'ge'),
      /^directions\[0\]\.rules\[2\]\.check\.check\.cmp: Invalid option/,
    ],
    [
      'a condition that is not an object',
      (p) => (p.rules[0].check = 'pi.name != null'),
      /^rules\[0\]\.check: expected a condition/,
    ],
    ['an empty all', (p) => (p.rules[0].check = { all: [] }), /^rules\[0\]\.check\.all: .*（至少需要 1 项）$/],
    [
      'count without bounds',
      (p) => delete p.directions[1].rules[0].check.min,
      /^directions\[1\]\.rules\[0\]\.check: needs "min" or "max"（至少需要 min 或 max）$/,
    ],
    [
      'min above max',
      (p) => (p.directions[1].rules[0].check.max = 0),
      /^directions\[1\]\.rules\[0\]\.check\.min: "min" 1 is above "max" 0/,
    ],
    [
      'equalsNormalized with both sides',
      (p) => (p.rules[0].check = { op: 'equalsNormalized', field: 'pi.name', value: 'a', otherField: 'pi.title' }),
      /needs exactly one of "value" or "otherField"/,
    ],
    [
      'a bad severity',
      (p) => (p.rules[0].severity = 'fatal'),
      /^rules\[0\]\.severity: Invalid option.*（取值无效，可选："error"、"warning"、"info"）$/,
    ],
    [
      'a missing title',
      (p) => delete p.directions[0].title,
      /^directions\[0\]\.title: Invalid input: expected object, received undefined（类型错误，应为 object）$/,
    ],
  ])('reports %s with its path', (_, edit, pattern) => {
    const errors = errorsOf(edited(edit));
    expect(
      errors.some((e) => pattern.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it.each<[string, (pack: Json) => void, string]>([
    [
      'a duplicate rule id',
      (p) => (p.directions[1].rules[0].id = 'test-mini/*/pi-named'),
      'directions[1].rules[0].id: duplicate rule id "test-mini/*/pi-named", first at rules[0]',
    ],
    [
      'a duplicate direction',
      (p) => (p.directions[1].code = '1.7'),
      'directions[1].code: duplicate direction code "1.7", first at directions[0]',
    ],
    [
      'a check without condition',
      (p) => delete p.directions[0].rules[0].check,
      'directions[0].rules[0].check: kind "check" needs a "check" condition',
    ],
    [
      'a confirm with a condition',
      (p) => (p.directions[0].rules[4].check = { op: 'exists', field: 'pi.name' }),
      'directions[0].rules[4].check: "check" is only read for kind "check", not "confirm"',
    ],
    [
      'a document without attachmentKind',
      (p) => delete p.directions[0].rules[3].attachmentKind,
      'directions[0].rules[3].attachmentKind: kind "document" needs "attachmentKind"',
    ],
    [
      'an unknown attachment kind',
      (p) => (p.directions[0].rules[3].attachmentKind = 'ipAgrement'),
      'directions[0].rules[3].attachmentKind: unknown attachment kind "ipAgrement"',
    ],
    [
      'an unknown field path',
      (p) => (p.directions[0].rules[1].check.field = 'budget.centrl'),
      'directions[0].rules[1].check.field: unknown path "budget.centrl"',
    ],
    [
      'an unknown fact',
      (p) => (p.directions[0].rules[1].check.value.fact = 'direction.perProject'),
      'directions[0].rules[1].check.value.fact: unknown path "direction.perProject"',
    ],
    [
      'an item path unknown to list items',
      (p) => (p.directions[0].rules[2].check.check.field = 'matching'),
      'directions[0].rules[2].check.check.field: unknown path "matching" in items of "units"',
    ],
    [
      'a list operator over a value',
      (p) => (p.directions[1].rules[0].check.list = 'pi.name'),
      'directions[1].rules[0].check.list: "pi.name" is not a list',
    ],
    [
      'an absolute path inside a list item',
      (p) => (p.directions[0].rules[2].when.where.field = 'units.type'),
      'directions[0].rules[2].when.where.field: unknown path "units.type" in items of "units"',
    ],
    [
      'an unknown listed field',
      (p) => (p.directions[0].rules[0].fields = ['project.startDate', 'project.start']),
      'directions[0].rules[0].fields[1]: unknown field "project.start"',
    ],
  ])('convention: %s', (_, edit, expected) => {
    const errors = errorsOf(edited(edit));
    expect(errors.map((e) => e.replace(/（.*）$/, ''))).toEqual([expected]);
  });

  it('reports every error, not only the first', () => {
    const errors = errorsOf(
      edited((p) => {
        p.directions[0].rules[1].check.field = 'budget.centrl';
        p.directions[0].rules[3].attachmentKind = 'nope';
        p.directions[1].rules[0].fields = ['x.y'];
      }),
    );
    expect(errors).toHaveLength(3);
  });

  it('accepts list items reached by index and facts from the whole context inside list items', () => {
    const result = parsePack(
      edited((p) => {
        p.rules[0].check = {
          all: [
            { op: 'eq', field: 'participants.0.type', value: 'enterprise' },
            { op: 'sum', list: 'units', of: 'governmentFunding', max: { fact: 'direction.fundingPerProject' } },
          ],
        };
        p.rules[0].fields = ['participants.type', 'foreignPartners.0.memberships'];
      }),
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
