// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import { locateFields } from '@/lib/portal/locate';
import { applyPatch, emptyPatch, entryFor, withEntry } from '@/lib/portal/mapping';
import { readApplication } from '@/lib/portal/read';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

/** Mapping mode inside dialogs and on list columns; the exported patch carries clean labels. */

const fieldMap = FieldMap.parse(fieldMapJson);

test('a control mapped inside a dialog is that control, not the main form’s control of the same name', () => {
  document.body.innerHTML = `<table><tr><td>申报编号</td><td>SQ1</td></tr>
    <tr><td>推荐单位</td><td><input name="dwmc" value="主表单位"></td></tr></table>
    <div class="layui-layer"><div class="layui-layer-title">填写牵头单位</div>
    <div><span>*单位全称：</span><input name="dwmc" value="示例大学"></div></div>`;
  const dialogInput = document.querySelectorAll('input')[1]!;
  const entry = entryFor(dialogInput, 'leadUnit.name');
  expect(entry).toEqual({ path: 'leadUnit.name', name: 'dwmc', label: '单位全称', scope: 'dialog:填写牵头单位' });
  const patched = applyPatch(fieldMap, withEntry(emptyPatch(fieldMap.id, 'h', '/f'), entry));
  const app = readApplication(locateFields(document, patched), fieldMap.vocabularies).application;
  expect(app.leadUnit.name).toBe('示例大学');
});

test('a list column is mapped by its header, whichever row was picked, and then read in every row', () => {
  document.body.innerHTML = `<table><tr><td>申报编号</td><td>SQ1</td></tr></table>
    <table><tr><th>合作单位全称</th><th>单位类型</th><th>承担任务</th></tr>
    <tr><td><input name="a0" value="甲大学"></td><td><select><option>高等院校</option></select></td><td><input></td></tr>
    <tr><td><input name="a1" value="乙公司"></td><td><select><option>企业</option></select></td><td><input></td></tr></table>`;
  // unknown header: the list is not recognised
  expect(readApplication(locateFields(document, fieldMap), fieldMap.vocabularies).application.participants).toEqual([]);
  const picked = document.querySelector<HTMLInputElement>('[name=a1]')!;
  const entry = entryFor(picked, 'participants.name', true);
  expect(entry).toEqual({ path: 'participants.name', label: '合作单位全称' });
  const patched = applyPatch(fieldMap, withEntry(emptyPatch(fieldMap.id, 'h', '/f'), entry));
  expect(readApplication(locateFields(document, patched), fieldMap.vocabularies).application.participants).toEqual([
    { name: '甲大学', type: 'university' },
    { name: '乙公司', type: 'enterprise' },
  ]);
});
