import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '@/lib/drafts/model';
import { failingDrafts } from '@/lib/feed/extension/recheckDrafts';
import { applicationFromFields } from '@/lib/portal/fromFields';
import { pack, fieldMap } from './setup';
import { emptyChecklist } from '@/lib/core/vocabulary';

const hmt = pack(readFileSync(join(import.meta.dirname, '..', '..', '..', 'rules', '2020-hmt.json'), 'utf8'));

function draft(key: string, fields: Record<string, string>, extra: Partial<Draft> = {}): Draft {
  const at = '2026-03-01T00:00:00.000Z';
  return {
    key,
    host: 'service.most.gov.cn',
    applicationId: key,
    title: `草稿 ${key}`,
    guideline: '2020-hmt',
    direction: '1.1',
    fields,
    checklist: emptyChecklist(),
    revision: 1,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

describe('application from a draft’s raw values', () => {
  it.each([
    [
      { 'project.startDate': '2020年1月1日', 'project.endDate': '2021-12-31' },
      { project: { startDate: '2020-01-01', endDate: '2021-12-31' } },
    ],
    [{ 'project.nameZh': '  测试项目 ' }, { project: { nameZh: '测试项目' } }],
    [
      { 'participants.1.name': '乙公司', 'participants.0.name': '甲大学' },
      { participants: [{ name: '甲大学' }, { name: '乙公司' }] },
    ],
    [{ 'project.nameZh': '无', 'unknown.field': 'x', direction: '1.1' }, { project: {} }],
  ])('%j', (fields, expected) => {
    expect(applicationFromFields(fields, fieldMap)).toMatchObject(expected);
    expect(applicationFromFields(fields, fieldMap)).not.toHaveProperty('unknown');
  });
});

describe('drafts failing a new pack', () => {
  it('lists drafts of the pack with error-severity failures, and only those', () => {
    const drafts = [
      draft('three-years', { 'project.startDate': '2020-01-01', 'project.endDate': '2022-12-31' }),
      draft('two-years', { 'project.startDate': '2020-01-01', 'project.endDate': '2021-12-31' }),
      draft(
        'other-pack',
        { 'project.startDate': '2020-01-01', 'project.endDate': '2022-12-31' },
        { guideline: '2019-intl-1' },
      ),
      draft(
        'deleted',
        { 'project.startDate': '2020-01-01', 'project.endDate': '2022-12-31' },
        { deletedAt: '2026-03-02T00:00:00.000Z' },
      ),
      draft(
        'no-direction',
        { 'project.startDate': '2020-01-01', 'project.endDate': '2022-12-31' },
        { direction: undefined },
      ),
    ];
    const failing = failingDrafts(drafts, [hmt], fieldMap);
    // Neither draft names a partner (an error rule of 1.1), so both fail; only the 3-year one fails the duration.
    expect(failing.map((d) => d.key)).toEqual(['three-years', 'two-years']);
    const rules = Object.fromEntries(failing.map((d) => [d.key, d.ruleIds]));
    expect(rules['three-years']).toEqual(['2020-hmt/1.1/duration-exactly-2y', '2020-hmt/1.1/partner-named']);
    expect(rules['two-years']).toEqual(['2020-hmt/1.1/partner-named']);
    expect(failing[0]).toMatchObject({ title: '草稿 three-years', packId: '2020-hmt', direction: '1.1' });
  });

  it('a changed institution layer re-checks the drafts of every guideline it adds to, with its rules', () => {
    const layer = pack(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'rules', 'examples', 'institution-2026.json'), 'utf8'),
    );
    const partner = { 'foreignPartners.0.institution': 'Universität Wien', 'foreignPartners.0.country': '香港' };
    const dates = { 'project.startDate': '2020-01-01', 'project.endDate': '2021-12-31' };
    const drafts = [
      draft('born-1960', { ...dates, ...partner, 'pi.birthDate': '1960-05-01' }),
      draft('born-1970', { ...dates, ...partner, 'pi.birthDate': '1970-05-01' }),
    ];
    // Only the layer changed: the guideline's drafts are checked with it, and fail only by its rule.
    const failing = failingDrafts(drafts, [layer], fieldMap, [hmt, layer]);
    expect(failing.map((d) => [d.key, d.packId, d.ruleIds])).toEqual([
      ['born-1960', '2020-hmt', ['example-institution-2026/*/pi-born-on-or-after-1965-01-01']],
    ]);
    // Without the layer in use nothing is re-checked for it.
    expect(failingDrafts(drafts, [layer], fieldMap)).toEqual([]);
  });
});
