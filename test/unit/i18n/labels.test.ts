import { describe, expect, it } from 'vitest';
import { fieldLabel, formPaths, formTitlesOf, valueLabel } from '@/lib/i18n/labels';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import profileJson from '@/rules/portal/most-gov-cn.json';
import { loadBuiltInPacks } from '@/lib/packs/inExtension';

const formTitles = formTitlesOf(profileJson as unknown as FieldMap);

describe('where a path is filled on the form', () => {
  it.each([
    ['project.durationMonths', ['project.endDate', 'project.startDate']],
    ['units.0.type', ['leadUnit.type']],
    ['units.3.matchingFunds', ['participants.2.matchingFunds']],
    ['participants.type', ['participants.0.type']],
    ['budget.central', ['budget.central']],
    // The standard form asks the lead unit's funds only as the budget's totals.
    ['units.0.matchingFunds', ['leadUnit.matchingFunds', 'budget.other']],
    ['units.0.governmentFunding', ['leadUnit.governmentFunding', 'budget.central']],
  ])('formPaths(%s)', (path, expected) => expect(formPaths(path)).toEqual(expected));
});

describe('paths by the form’s labels', () => {
  it.each([
    ['units.0.matchingFunds', 'zh', '其他来源经费'],
    ['units.2.matchingFunds', 'zh', '参与单位 2 · 自筹经费'],
    ['participants.0.type', 'zh', '参与单位 1 · 单位类型'],
    ['foreignPartners.0.name', 'zh', '外方合作单位 1 · 名称'],
    ['leadUnit.type', 'zh', '申报单位性质'],
    ['pi.phone', 'zh', '项目负责人手机'],
    ['project.durationMonths', 'zh', '执行期限'],
    ['units.0.matchingFunds', 'en', 'Lead unit’s own funds'],
    ['participants.1.governmentFunding', 'en', 'Participant 2 · government funding'],
    ['someNewThing.deep.path', 'zh', 'path'],
  ] as const)('%s in %s is “%s”', (path, lang, label) => {
    expect(fieldLabel(path, lang, formTitles)).toBe(label);
  });

  it('names every field of every built-in rule without a dotted path, in both languages', () => {
    const paths = loadBuiltInPacks().flatMap((pack) =>
      [...pack.rules, ...pack.directions.flatMap((d) => d.rules)].flatMap((r) => r.fields),
    );
    expect(paths.length).toBeGreaterThan(100);
    for (const path of new Set(paths))
      for (const lang of ['zh', 'en'] as const) expect(fieldLabel(path, lang, formTitles)).not.toMatch(/\w\.\w/);
  });
});

describe('enum values by name', () => {
  it.each([
    ['enterprise', 'zh', '企业'],
    ['institute', 'zh', '科研院所'],
    ['abstractEn', 'zh', '半页英文摘要'],
    ['清华大学', 'zh', '清华大学'],
    [36, 'zh', 36],
  ] as const)('%s → %s', (value, lang, label) => expect(valueLabel(value, lang)).toEqual(label));

  it('names each item of a list', () => {
    expect(valueLabel(['university', 'institute'], 'zh')).toEqual(['高等院校', '科研院所']);
  });
});
