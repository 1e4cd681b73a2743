import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application } from '@/lib/application/model';
import type { Condition } from '@/lib/engine/condition';
import { evaluate } from '@/lib/engine/evaluate';
import { parseDuration } from '@/lib/extract/phrases/duration';
import { bundledPackDir, readPackFile } from '@/lib/packs/fromDisk';
import type { RulePack } from '@/lib/packs/schema';

function load(path: string): RulePack {
  const result = readPackFile(path);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}
const institution = load(join(bundledPackDir, 'examples', 'institution-2026.json'));
const intl = load(join(bundledPackDir, '2019-intl-1.json'));
const hmt = load(join(bundledPackDir, '2020-hmt.json'));

/** An application meeting the five 2026 general conditions, on the limits where a limit is a date or a count. */
const compliant = {
  direction: '1.7',
  project: { startDate: '2026-07-01', endDate: '2028-06-30' },
  leadUnit: { name: '某某大学', type: 'university', registeredOn: '2024-09-30' },
  participants: [{ name: '某某研究所', type: 'institute', registeredOn: '2001-05-01' }],
  pi: { name: '张三', title: '副研究员', degree: '硕士', birthDate: '1965-01-01', monthsPerYear: 6 },
};

const general = (slug: string) => `example-institution-2026/*/${slug}`;
const failing = (pack: RulePack, application: object, layers: RulePack[] = [institution], code = '1.7') =>
  evaluate(pack, code, Application.parse(application), undefined, layers)
    .filter((f) => f.status === 'fail' && f.pack === institution.id)
    .map((f) => f.ruleId);

describe('example institution pack: the 2026 general conditions', () => {
  it('passes a compliant application, and each finding names its pack', () => {
    const findings = evaluate(intl, '1.7', Application.parse(compliant), undefined, [institution]);
    const mine = findings.filter((f) => f.pack === institution.id);
    expect(mine.map((f) => [f.ruleId, f.status]).filter(([, s]) => s !== 'pass' && s !== 'confirm')).toEqual([]);
    expect(mine.filter((f) => f.kind === 'check')).toHaveLength(5);
    expect(findings.find((f) => f.ruleId === '2019-intl-1/1.7/duration-max-2y')?.pack).toBe('2019-intl-1');
    expect(findings.find((f) => f.ruleId === 'input/*/valid-dates')?.pack).toBe('input');
  });

  it.each([
    [
      'born a day before 1965-01-01',
      { pi: { ...compliant.pi, birthDate: '1964-12-31' } },
      'pi-born-on-or-after-1965-01-01',
    ],
    [
      'an intermediate title and a master',
      { pi: { ...compliant.pi, title: '工程师' } },
      'pi-senior-title-or-doctorate',
    ],
    ['5 months a year', { pi: { ...compliant.pi, monthsPerYear: 5 } }, 'pi-six-months-a-year'],
    [
      'a participant registered on 2024-10-01',
      { participants: [{ ...compliant.participants[0], registeredOn: '2024-10-01' }] },
      'units-registered-by-2024-09-30',
    ],
    [
      'a state organ taking part',
      { participants: [...compliant.participants, { name: '某某局', type: 'stateOrgan', registeredOn: '2000-01-01' }] },
      'no-state-organ',
    ],
  ])('catches %s', (_, change, slug) => {
    expect(failing(intl, { ...compliant, ...change })).toEqual([general(slug)]);
  });

  it('a doctorate suffices without a senior title, and so does a senior title without one', () => {
    expect(failing(intl, { ...compliant, pi: { ...compliant.pi, title: '讲师', degree: '工学博士' } })).toEqual([]);
    expect(failing(intl, { ...compliant, pi: { ...compliant.pi, title: '研究员', degree: '学士' } })).toEqual([]);
  });

  it('applies its 通用条件 to every direction of every active guideline', () => {
    const old = { ...compliant, pi: { ...compliant.pi, birthDate: '1960-01-01' } };
    expect(failing(hmt, { ...old, direction: '1.2' }, [institution], '1.2')).toEqual([
      general('pi-born-on-or-after-1965-01-01'),
    ]);
  });

  it('adds rules to named directions of a named pack only, without copying it', () => {
    const added = 'example-institution-2026/2019-intl-1-1.7/internal-deadline-agreement';
    const ids = (pack: RulePack, code: string) =>
      evaluate(pack, code, Application.parse(compliant), undefined, [institution]).map((f) => f.ruleId);
    expect(ids(intl, '1.7')).toContain(added);
    expect(ids(intl, '1.8')).not.toContain(added);
    expect(ids(hmt, '1.1')).not.toContain(added);
    // The guideline's own rules stay whole: the layer adds, it never replaces.
    expect(ids(intl, '1.7').filter((id) => id.startsWith('2019-intl-1/'))).toEqual(
      [...intl.rules, ...intl.directions.find((d) => d.code === '1.7')!.rules].map((r) => r.id),
    );
  });

  it('several layers are active at once', () => {
    const second: RulePack = {
      ...institution,
      id: 'example-faculty',
      rules: [
        {
          ...institution.rules[2]!,
          id: 'example-faculty/*/eight-months',
          check: { op: 'gte', field: 'pi.monthsPerYear', value: 8 },
        },
      ],
      extends: [],
    };
    const findings = evaluate(intl, '1.7', Application.parse(compliant), undefined, [institution, second]);
    const layered = findings.filter((f) => f.pack === institution.id || f.pack === second.id);
    expect(layered.filter((f) => f.status === 'fail').map((f) => [f.pack, f.ruleId])).toEqual([
      ['example-faculty', 'example-faculty/*/eight-months'],
    ]);
  });

  it('states the dates and months its quotes print', () => {
    const leavesOf = (c: Condition): Condition[] =>
      'all' in c
        ? c.all.flatMap(leavesOf)
        : 'any' in c
          ? c.any.flatMap(leavesOf)
          : 'not' in c
            ? leavesOf(c.not)
            : 'check' in c && typeof c.check === 'object'
              ? [c, ...leavesOf(c.check)]
              : [c];
    const quotedDate = (quote: string, near: string) => {
      const m = new RegExp(`(\\d{4})年(\\d{1,2})月(\\d{1,2})日[^，。]*${near}`).exec(quote);
      return m && `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    };
    const rule = (slug: string) => institution.rules.find((r) => r.id === general(slug))!;
    const dateOf = (slug: string) =>
      leavesOf(rule(slug).check!)
        .map((l) => (l as { date?: string }).date)
        .find(Boolean);
    expect(dateOf('pi-born-on-or-after-1965-01-01')).toBe(
      quotedDate(rule('pi-born-on-or-after-1965-01-01').quote, '出生'),
    );
    expect(dateOf('units-registered-by-2024-09-30')).toBe(quotedDate(rule('units-registered-by-2024-09-30').quote, ''));
    const months = parseDuration(rule('pi-six-months-a-year').quote.split('，').at(-1)!);
    expect(rule('pi-six-months-a-year').check).toEqual({
      op: 'gte',
      field: 'pi.monthsPerYear',
      value: months?.minMonths,
    });
  });
});
