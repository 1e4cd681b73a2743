// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { bundledFieldMap } from '@/lib/portal/bundledFieldMap';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import { applicationIdOf, isApplicationForm } from '@/lib/portal/detect';
import { locateFields } from '@/lib/portal/locate';
import { readApplication, rereadPaths } from '@/lib/portal/read';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

const form = readFileSync(join(import.meta.dirname, '../../fixtures/portal/form.html'), 'utf8');
const fieldMap = FieldMap.parse(fieldMapJson);

beforeEach(() => {
  document.body.innerHTML = form;
  // happy-dom ignores the `selected` attribute of parsed options; browsers honour it.
  for (const option of Array.from(document.querySelectorAll<HTMLOptionElement>('option[selected]')))
    option.selected = true;
});

test('the bundled portal field map every context uses is valid', () => {
  expect(FieldMap.safeParse(bundledFieldMap).success).toBe(true);
});

test('recognises the application form and its id, not a notice page', () => {
  expect(isApplicationForm(document, fieldMap)).toBe(true);
  expect(applicationIdOf(document, fieldMap)).toBe('SQ2019YFE0100123');
  document.body.innerHTML =
    '<h1>通知公告</h1><ul><li><a href="#">关于2019年度项目申报的通知</a></li></ul><input name="q" placeholder="搜索">';
  expect(isApplicationForm(document, fieldMap)).toBe(false);
});

test('reads the page into the application model by labels, whatever the ids', () => {
  const map = locateFields(document, fieldMap);
  const { application, directionText, directionGroup } = readApplication(map, fieldMap.vocabularies);
  expect(directionText).toBe('1.7 中国和奥地利政府间科技合作项目');
  expect(directionGroup).toContain('2019');
  expect(application.project).toEqual({
    nameZh: '中奥量子通信合作研究',
    startDate: '2020-01-01',
    endDate: '2022-12-31',
  });
  expect(application.leadUnit).toEqual({ name: '某某大学', creditCode: '12100000400000000X', type: 'university' });
  expect(application.participants).toEqual([
    { name: '某某科技有限公司', type: 'enterprise', governmentFunding: 1200, matchingFunds: 100 },
    { name: '某研究所', type: 'institute', governmentFunding: 50 },
  ]);
  expect(application.pi).toEqual({ name: '张三', birthDate: '1975-03-08' });
  expect(application.foreignPartners).toEqual([{ name: 'University of Vienna', memberships: ['RIKEN', 'H2020'] }]);
  // 中央财政经费 is labelled in 元: 2,000,000 元 = 200 万元
  expect(application.budget).toEqual({ central: 200, other: 50 });
});

test('reports the field-map fields the page does not show instead of failing', () => {
  const map = locateFields(document, fieldMap);
  expect(map.missing).toContain('pi.email');
  expect(map.missing).toContain('attachments');
  expect(map.missing).not.toContain('project.nameZh');
});

test('the same label under two sections goes to the right field', () => {
  const map = locateFields(document, fieldMap);
  const leadName = map.fields.find((f) => f.spec.path === 'leadUnit.name')!.controls[0]!;
  const piName = map.fields.find((f) => f.spec.path === 'pi.name')!.controls[0]!;
  expect(leadName.getAttribute('name')).toBe('sbdw.dwmc');
  expect(piName.getAttribute('name')).toBe('fzr.xm');
});

test('labels printed in the row above their inputs are matched by column, not the first input of the next row', () => {
  document.body.innerHTML = `<h3 class="section-title">经费预算</h3>
    <table><tr><th>序号</th><th>中央财政经费（万元）</th><th>其他来源经费（万元）</th></tr>
    <tr><td>1</td><td><input name="a" value="450"></td><td><input name="b" value="50"></td></tr></table>`;
  const map = locateFields(document, fieldMap);
  const { application } = readApplication(map, fieldMap.vocabularies);
  expect(application.budget).toMatchObject({ central: 450, other: 50 });
});

test('a keystroke re-reads only its own field or list, and the result equals a full reading', () => {
  const map = locateFields(document, fieldMap);
  const before = readApplication(map, fieldMap.vocabularies);
  const snapshot = structuredClone(before);
  const end = map.fields.find((f) => f.spec.path === 'project.endDate')!.controls[0] as HTMLInputElement;
  end.value = '2023-06-30';
  const name = map.lists.find((l) => l.spec.path === 'participants')!.rows[0]!.get('name')![0] as HTMLInputElement;
  name.value = '改名后的单位';
  const other = map.fields.find((f) => f.spec.path === 'project.nameZh')!.controls[0] as HTMLInputElement;
  other.value = '未通知的改动'; // not among the changed paths: not read
  const partial = rereadPaths(map, fieldMap.vocabularies, before, ['project.endDate', 'participants']);
  expect(partial.application.project.endDate).toBe('2023-06-30');
  expect(partial.application.participants[0]!.name).toBe('改名后的单位');
  expect(partial.application.project.nameZh).toBe(snapshot.application.project.nameZh);
  // the earlier reading is never mutated
  expect(before).toEqual(snapshot);
  other.value = snapshot.application.project.nameZh ?? '';
  expect(partial).toEqual(readApplication(map, fieldMap.vocabularies));
});
