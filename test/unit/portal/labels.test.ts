// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import { locateFields } from '@/lib/portal/locate';
import { applyPatch, emptyPatch, entryFor, withEntry } from '@/lib/portal/mapping';
import { unitOfLabel } from '@/lib/portal/parse';
import { readApplication, readRawValues } from '@/lib/portal/read';
import { labelKey, normalizeLabel } from '@/lib/portal/text';
import { controlsIn } from '@/lib/portal/locate';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

/**
 * Labels as portals print them: the same field under many wordings, each found by the bundled field map's
 * synonym table and normaliser (data, not code), with the unit always taken from the page's label.
 */

const fieldMap = FieldMap.parse(fieldMapJson);

beforeEach(() => {
  document.body.innerHTML = '';
});

const row = (label: string, control = '<input>') => `<tr><td class="label">${label}</td><td>${control}</td></tr>`;

/** One wording per line: the page's label → the model path it must be located as. */
const wordings: [string, string][] = [
  ['*项目名称：', 'project.nameZh'],
  ['项目中文名称', 'project.nameZh'],
  ['【项目名称】', 'project.nameZh'],
  ['所属指南方向', 'direction'],
  ['申报方向：', 'direction'],
  ['项目开始日期', 'project.startDate'],
  ['起始时间', 'project.startDate'],
  ['拟开始时间：', 'project.startDate'],
  ['执行期限（起）', 'project.startDate'],
  ['项目起始年月', 'project.startDate'],
  ['项目结束日期', 'project.endDate'],
  ['截止时间', 'project.endDate'],
  ['执行期限（止）', 'project.endDate'],
  ['拟完成时间', 'project.endDate'],
  ['终止年月', 'project.endDate'],
  ['中央财政经费（万元）', 'budget.central'],
  ['申请中央财政资金(元)', 'budget.central'],
  ['*国拨经费：', 'budget.central'],
  ['拟申请中央财政专项经费', 'budget.central'],
  ['中央财政经费预算（万元）', 'budget.central'],
  ['其他来源经费', 'budget.other'],
  ['其它来源资金（元）', 'budget.other'],
  ['自筹经费（万元）', 'budget.other'],
  ['单位自筹资金', 'budget.other'],
  ['牵头单位名称', 'leadUnit.name'],
  ['项目承担单位名称：', 'leadUnit.name'],
  ['申报单位名称', 'leadUnit.name'],
  ['社会信用代码', 'leadUnit.creditCode'],
  ['承担单位性质', 'leadUnit.type'],
  ['项目负责人姓名', 'pi.name'],
  ['项目主持人姓名', 'pi.name'],
  ['负责人职称', 'pi.title'],
  ['负责人手机号码', 'pi.phone'],
  ['负责人电子邮件', 'pi.email'],
  ['身份证号码', 'pi.idNumber'],
];

describe('each wording is located as its field', () => {
  test.each(wordings)('%s → %s', (label, path) => {
    document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}${row(label)}</table>`;
    const map = locateFields(document, fieldMap);
    const found = map.fields.filter((f) => f.controls[0] === document.querySelector('input'));
    expect(found.map((f) => f.spec.path)).toEqual([path]);
  });
});

test('labels normalise: asterisks, colons, full-width punctuation and brackets, required marks', () => {
  expect(normalizeLabel(' *项目名称：')).toBe('项目名称');
  expect(normalizeLabel('中央财政经费（万元）')).toBe('中央财政经费(万元)');
  expect(normalizeLabel('【联系电话】(必填)')).toBe('联系电话');
  expect(normalizeLabel('※单位名称；')).toBe('单位名称');
  const words = fieldMap.labelWords;
  expect(labelKey('*拟申请中央财政资金（元）：', words)).toBe(labelKey('中央财政经费', words));
  // a prefix is not dropped when too little would remain: 项目名称 is not 名称
  expect(labelKey('项目名称', words)).not.toBe(labelKey('名称', words));
  // the field map's own word is never read as a shorter synonym plus a rest
  expect(labelKey('执行期限', words)).toBe('执行期限');
});

test.each([
  ['中央财政经费（万元）', 'wan'],
  ['中央财政经费（元）', 'yuan'],
  ['金额（单位：人民币元）', 'yuan'],
  ['经费 单位：元', 'yuan'],
  ['经费【元】', 'yuan'],
  ['经费（单位：万元）', 'wan'],
  ['中央财政经费', 'wan'],
] as const)('the unit of %s is %s', (label, unit) => {
  expect(unitOfLabel(label)).toBe(unit);
});

test('元 and 万元 fields on one page are each read in their own unit', () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}<tr><th colspan="2">经费预算</th></tr>
    ${row('中央财政经费（元）', '<input name="a" value="4,500,000">')}${row('其他来源经费（万元）', '<input name="b" value="50">')}</table>`;
  const app = readApplication(locateFields(document, fieldMap), fieldMap.vocabularies).application;
  expect(app.budget.central).toBe(450);
  expect(app.budget.other).toBe(50);
});

test('a field the user mapped takes its unit from the page label, not the field map', () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}${row('申请财政补助（元）', '<input name="czbz" value="4500000">')}</table>`;
  const control = document.querySelector('input')!;
  const patch = withEntry(emptyPatch(fieldMap.id, 'h', '/f'), entryFor(control, 'budget.central'));
  // the exported patch carries the label as the page prints it, cleaned
  expect(patch.entries[0]!.label).toBe('申请财政补助(元)');
  const app = readApplication(locateFields(document, applyPatch(fieldMap, patch)), fieldMap.vocabularies).application;
  expect(app.budget.central).toBe(450);
});

test('two controls that both look like 中央财政经费 are reported as ambiguous and not read', () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}
    ${row('中央财政经费（万元）', '<input value="450">')}${row('中央财政资金', '<input value="300">')}</table>`;
  const map = locateFields(document, fieldMap);
  expect(map.ambiguous).toEqual([{ path: 'budget.central', labels: ['中央财政经费(万元)', '中央财政资金'] }]);
  expect(map.fields.some((f) => f.spec.path === 'budget.central')).toBe(false);
  expect(readApplication(map, fieldMap.vocabularies).application.budget.central).toBeUndefined();
});

test('one label printed twice around the same control is not ambiguous', () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}${row('<label>中央财政经费</label>', '<input value="450">')}</table>`;
  const map = locateFields(document, fieldMap);
  expect(map.ambiguous).toEqual([]);
  expect(readApplication(map, fieldMap.vocabularies).application.budget.central).toBe(450);
});

test('a combobox (hidden value + readonly text box) is one field: read and saved by its text', () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}<tr><th colspan="2">申报单位</th></tr>${row(
    '单位性质',
    '<span class="combo"><input type="hidden" name="dwxz" value="02"><input name="dwxz_text" readonly value="高等院校"></span>',
  )}${row('合计（自动计算）', '<input name="hj" readonly value="500">')}</table>`;
  const map = locateFields(document, fieldMap);
  expect(readApplication(map, fieldMap.vocabularies).application.leadUnit.type).toBe('university');
  const raw = readRawValues(map, controlsIn(document));
  expect(raw['leadUnit.type']).toBe('高等院校');
  // the page's own readonly total is still not the user's
  expect(raw.hj).toBeUndefined();
  expect(Object.keys(raw)).not.toContain('dwxz');
});

test('list rows are read from editable inputs, hidden inputs and readonly text cells alike', () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}</table>
    <table><tr><th>单位名称</th><th>单位类型</th><th>国拨经费（元）</th></tr>
    <tr><td><input value="甲大学"></td><td><select><option>高等院校</option></select></td><td><input value="1000000"></td></tr>
    <tr><td>乙公司<input type="hidden" name="cydw_dwmc" value="乙公司"></td><td>企业</td><td>200000</td></tr>
    <tr><td><input readonly value="丙研究所"></td><td>科研院所</td><td><input readonly value="0"></td></tr></table>`;
  const app = readApplication(locateFields(document, fieldMap), fieldMap.vocabularies).application;
  expect(app.participants).toEqual([
    { name: '甲大学', type: 'university', governmentFunding: 100 },
    { name: '乙公司', type: 'enterprise', governmentFunding: 20 },
    { name: '丙研究所', type: 'institute', governmentFunding: 0 },
  ]);
});
