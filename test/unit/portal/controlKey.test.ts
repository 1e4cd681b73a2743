// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import { fillForm } from '@/lib/portal/fill';
import { controlsIn, locateFields } from '@/lib/portal/locate';
import { readRawValues } from '@/lib/portal/read';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

const fieldMap = fieldMapJson as unknown as FieldMap;

test('a dialog’s dwmc is saved under its name but never restores into the main form’s located 单位名称', async () => {
  document.body.innerHTML = `<h3 class="section-title">申报单位</h3>
    <table><tr><td class="label">单位名称</td><td><input name="dwmc" value=""></td></tr></table>
    <div class="dialog"><table><tr><td class="label">名称</td><td><input name="dwmc" value="某某科技有限公司"></td></tr></table></div>`;
  const map = locateFields(document, fieldMap);
  expect(readRawValues(map, controlsIn(document))).toMatchObject({ 'leadUnit.name': '', dwmc: '某某科技有限公司' });
  document.querySelector('.dialog')!.remove(); // the dialog closed; the page timed out and came back
  const after = locateFields(document, fieldMap);
  const report = await fillForm(document, after, { 'leadUnit.name': '示例大学', dwmc: '某某科技有限公司' });
  expect(document.querySelector<HTMLInputElement>('[name=dwmc]')!.value).toBe('示例大学');
  expect(report.missing).toEqual(['dwmc']);
});

test('controls without name or id are saved and restored by the label printed before them', async () => {
  const html = `<div class="item"><div class="lbl">单位地址</div><div><input></div></div>
    <div class="item"><div class="lbl">邮政编码</div><div><input></div></div>`;
  document.body.innerHTML = html;
  const inputs = () => Array.from(document.querySelectorAll('input'));
  inputs()[0]!.value = '北京市海淀区';
  inputs()[1]!.value = '100081';
  const saved = readRawValues(locateFields(document, fieldMap), controlsIn(document));
  expect(saved).toEqual({ '@单位地址': '北京市海淀区', '@邮政编码': '100081' });
  document.body.innerHTML = html; // re-rendered empty
  const report = await fillForm(document, locateFields(document, fieldMap), saved);
  expect(inputs().map((i) => i.value)).toEqual(['北京市海淀区', '100081']);
  expect(report.filled).toEqual(['@单位地址', '@邮政编码']);
});
