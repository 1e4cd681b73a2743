// The options page names what it shows as the applicant knows it (issue 16): a guideline by its title, a saved field
// by its label (never the page's internal name), a select's old option code by its text, each draft once.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { DuplicateHints, draftNames } from '@/components/options/DuplicateHints';
import { compareSavedFields, savedFieldLabel, savedFieldValue, savedLabels } from '@/components/options/fieldNames';
import { directionTitle, guidelineTitle } from '@/components/options/ruleTitles';
import { LangContext } from '@/components/options/Text';
import { emptyChecklist } from '@/lib/core/vocabulary';
import type { Draft } from '@/lib/drafts/model';
import { bundledFieldMap } from '@/lib/portal/bundledFieldMap';
import { attachmentKinds, countries, degrees, titles, unitKinds } from '@/replica/data/vocabularies';

function draft(applicationId: string, title: string, fields: Record<string, string>): Draft {
  const at = '2024-03-01T00:00:00.000Z';
  return {
    key: `https://service.most.gov.cn|${applicationId}`,
    host: 'service.most.gov.cn',
    applicationId,
    title,
    guideline: '2019-intl-1',
    fields,
    checklist: emptyChecklist(),
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
}

describe('guideline and direction', () => {
  test('a built-in pack by its title in the page language, never its id', () => {
    expect(guidelineTitle('2019-intl-1', 'zh')).toMatch(/^国家重点研发计划政府间国际科技创新合作.*2019年度第一批/);
    expect(guidelineTitle('2019-intl-1', 'en')).toMatch(/2019 first-batch application guideline/);
    expect(guidelineTitle('some-feed-pack', 'zh')).toBe('其他指南（非内置规则包）');
    expect(directionTitle('2019-intl-1', '1.7', 'zh')).toBe('1.7 中国和奥地利政府间科技合作项目');
    expect(directionTitle(undefined, '1.7', 'zh')).toBe('1.7');
  });
});

describe('saved fields', () => {
  test.each([
    ['leadUnit.type', '申报单位性质'],
    ['foreignPartners.0.country', '外方合作单位 1 · 国家/地区'],
    // controls the field map does not know: their label when the key is one, else their section, never their name
    ['一、基本信息›xmxx.sszx', '一、基本信息中的其他字段'],
    ['mainFrame/budgetFrame/经费预算›ysje', '经费预算中的其他字段'],
    ['dialog:添加参与单位›dwmc', '添加参与单位中的其他字段'],
    ['mainFrame/申报单位›@单位地址', '申报单位 · 单位地址'],
    ['@邮政编码', '邮政编码'],
    ['budgetFrame›zje', '页面上的其他字段'],
    ['xmxx.sszx', '页面上的其他字段'],
  ])('%s → %s', (key, label) => {
    expect(savedFieldLabel(key, 'zh')).toBe(label);
    expect(savedFieldLabel(key, 'zh')).not.toMatch(/xmxx|sszx|ysje|dwmc|zje|Frame|dialog:/);
  });

  test('an old draft’s option codes read as the form’s option text; text and unknown values stay as saved', () => {
    expect(savedFieldValue('leadUnit.type', '2')).toBe('高等院校');
    expect(savedFieldValue('pi.title', '02')).toBe('教授');
    expect(savedFieldValue('foreignPartners.0.country', 'GJ005')).toBe('奥地利');
    expect(savedFieldValue('participants.3.type', '1')).toBe('企业');
    expect(savedFieldValue('attachments.0.kind', 'FJ06')).toBe('半页英文摘要');
    expect(savedFieldValue('leadUnit.type', '高等院校')).toBe('高等院校');
    expect(savedFieldValue('project.nameZh', '2')).toBe('2');
    expect(savedFieldValue('一、基本信息›xmxx.sszx', '02')).toBe('02');
  });

  test('the field map’s option codes are the replica portal’s (a code the page sends reads as its text)', () => {
    const options = (path: string) =>
      bundledFieldMap.fields.find((f) => f.path === path)?.options ??
      bundledFieldMap.lists
        ?.flatMap((l) => l.columns.map((c) => ({ ...c, path: `${l.path}.${c.path}` })))
        .find((c) => c.path === path)?.options;
    const asRecord = (choices: { value: string; text: string }[]) =>
      Object.fromEntries(choices.map((c) => [c.value, c.text]));
    expect(options('leadUnit.type')).toEqual(asRecord(unitKinds));
    expect(options('foreignPartners.0.type')).toEqual(asRecord(unitKinds));
    expect(options('participants.type')).toEqual(asRecord(unitKinds));
    expect(options('pi.title')).toEqual(asRecord(titles));
    expect(options('pi.degree')).toEqual(asRecord(degrees));
    expect(options('foreignPartners.0.country')).toEqual(asRecord(countries));
    expect(options('attachments.kind')).toEqual(asRecord(attachmentKinds));
  });

  test('in the form’s order: fields as the field map lists them, list rows in turn, other controls last', () => {
    const keys = [
      '一、基本信息›xmxx.sszx',
      'participants.1.name',
      'budget.central',
      'participants.0.type',
      'project.nameZh',
      'participants.0.name',
      'leadUnit.name',
    ];
    expect(keys.sort(compareSavedFields)).toEqual([
      'project.nameZh',
      'leadUnit.name',
      'budget.central',
      'participants.0.name',
      'participants.0.type',
      'participants.1.name',
      '一、基本信息›xmxx.sszx',
    ]);
  });
});

describe('限项 hint', () => {
  const same = (id: string) => draft(id, '中奥量子信息科学联合研究', { 'pi.name': '李明' });

  test('each title once; drafts sharing a title by their application numbers', () => {
    const [a, b, c] = [same('SQ01'), same('SQ02'), draft('SQ03', '', {})];
    expect(draftNames([a, b, a, c, undefined])).toEqual(['中奥量子信息科学联合研究（SQ01、SQ02）', 'SQ03']);
  });

  test('headed by the guideline’s title, never the pack id', () => {
    const html = renderToStaticMarkup(
      <LangContext.Provider value="zh">
        <DuplicateHints drafts={[same('SQ01'), same('SQ02'), same('SQ03')]} />
      </LangContext.Provider>,
    );
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('2019年度第一批项目申报指南');
    expect(text).not.toContain('2019-intl-1');
    expect(text.match(/中奥量子信息科学联合研究/g)).toHaveLength(1);
    expect(text).toContain('李明');
  });
});

describe('a field the page labelled', () => {
  test('by the label the draft recorded, after its section; a damaged record falls back to the section', () => {
    const fields = { '~labels': JSON.stringify({ '一、基本信息›xmxx.sszx': '所属专项', 'xmfzr.zjlx': '证件类型' }) };
    expect(savedFieldLabel('一、基本信息›xmxx.sszx', 'zh', savedLabels(fields))).toBe('一、基本信息 · 所属专项');
    expect(savedFieldLabel('xmfzr.zjlx', 'zh', savedLabels(fields))).toBe('证件类型');
    expect(savedLabels({ '~labels': '{broken' })).toEqual({});
    expect(savedFieldLabel('一、基本信息›xmxx.sszx', 'zh', savedLabels({ '~labels': '[1]' }))).toBe(
      '一、基本信息中的其他字段',
    );
  });
});
