// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import { looksGenerated } from '@/lib/portal/controlKey';
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
  expect(readRawValues(map, controlsIn(document))).toMatchObject({
    'leadUnit.name': '',
    'dialog:›dwmc': '某某科技有限公司',
  });
  document.querySelector('.dialog')!.remove(); // the dialog closed; the page timed out and came back
  const after = locateFields(document, fieldMap);
  const report = await fillForm(document, after, { 'leadUnit.name': '示例大学', 'dialog:›dwmc': '某某科技有限公司' });
  expect(document.querySelector<HTMLInputElement>('[name=dwmc]')!.value).toBe('示例大学');
  expect(report.missing).toEqual(['dialog:›dwmc']);
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

test('the same name in two sections and a dialog gives three keys; each restores only into its own', async () => {
  document.body.innerHTML = `<h3 class="section-title">其他信息</h3>
    <table><tr><td class="label">备注单位</td><td><input name="dwmc"></td></tr></table>
    <div class="layui-layer"><div class="layui-layer-title">添加参与单位</div><input name="dwmc"></div>
    <div><h3 class="section-title">合作单位</h3><div><span>合作方</span><input name="dwmc"></div></div>`;
  const [main, dialog, partner] = Array.from(document.querySelectorAll<HTMLInputElement>('input'));
  main!.value = '甲';
  dialog!.value = '乙';
  partner!.value = '丙';
  const saved = readRawValues(locateFields(document, fieldMap), controlsIn(document));
  expect(saved).toEqual({ '其他信息›dwmc': '甲', 'dialog:添加参与单位›dwmc': '乙', '合作单位›dwmc': '丙' });
  for (const c of [main!, dialog!, partner!]) c.value = '';
  await fillForm(document, locateFields(document, fieldMap), { '合作单位›dwmc': '丙', '其他信息›dwmc': '甲' });
  expect([main!.value, dialog!.value, partner!.value]).toEqual(['甲', '', '丙']);
});

test('a draft saved under bare names (before keys had scopes) still restores where the name is unique', async () => {
  document.body.innerHTML = `<h3 class="section-title">其他信息</h3>
    <table><tr><td class="label">推荐单位</td><td><input name="tjdw"></td></tr>
    <tr><td class="label">单位名称</td><td><input name="mc"></td></tr></table>
    <div class="layui-layer"><input name="mc"></div>`;
  const report = await fillForm(document, locateFields(document, fieldMap), { tjdw: '科技部', mc: '某单位' });
  expect(document.querySelector<HTMLInputElement>('[name=tjdw]')!.value).toBe('科技部');
  // two controls named mc: the old key says not which, so neither is guessed
  expect(Array.from(document.querySelectorAll<HTMLInputElement>('[name=mc]')).map((i) => i.value)).toEqual(['', '']);
  expect(report.missing).toEqual(['mc']);
});

test('names generated anew on every load are not keys: such controls are keyed by their label', () => {
  expect(['el-id-4821-17', 'ext-gen12345', 'fld_k3j9x2m81'].every(looksGenerated)).toBe(true);
  expect(['xmxx.xmmc', 'cydw[0].dwmc', 'ctl00_cph_txtXmmc', 'tyshxydm'].some(looksGenerated)).toBe(false);
  const html = (n: number) =>
    `<table><tr><td class="label">推荐单位</td><td><input name="fld_${n}_${n * 7}" id="el-id-${n}"></td></tr></table>`;
  document.body.innerHTML = html(48213);
  const first = readRawValues(locateFields(document, fieldMap), controlsIn(document));
  document.body.innerHTML = html(90417);
  const second = readRawValues(locateFields(document, fieldMap), controlsIn(document));
  expect(Object.keys(first)).toEqual(['@推荐单位']);
  expect(Object.keys(second)).toEqual(Object.keys(first));
});

test('the printed label of each control the field map does not know is recorded once, for the draft to name it', () => {
  document.body.innerHTML = `<h3 class="section-title">项目负责人</h3>
    <table><tr><td class="label">证件类型</td><td><select name="xmfzr.zjlx"><option>护照</option></select></td></tr>
    <tr><td class="label">性别</td><td><input type="radio" name="xmfzr.xb" id="m"><label for="m">男</label>
      <input type="radio" name="xmfzr.xb" id="f" checked><label for="f">女</label></td></tr>
    <tr><td class="label">姓名</td><td><input name="xmfzr.xm" value="李明"></td></tr></table>`;
  const labels: Record<string, string> = { '项目负责人›xmfzr.zjlx': '证件种类' };
  const saved = readRawValues(locateFields(document, fieldMap), controlsIn(document), labels);
  expect(saved).toMatchObject({ 'pi.name': '李明', '项目负责人›xmfzr.zjlx': '护照', '项目负责人›xmfzr.xb': '女' });
  // the group's label from its first control (the second radio stands after the first's 男); a label already
  // recorded is kept; a located field needs none
  expect(labels).toEqual({ '项目负责人›xmfzr.zjlx': '证件种类', '项目负责人›xmfzr.xb': '性别' });
});
