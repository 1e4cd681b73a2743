// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import { type Control, controlsIn, locateFields, lostFields } from '@/lib/portal/locate';
import { readRawValues } from '@/lib/portal/read';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

/** A page that changes its layout mid-session: what is re-located, what is reported lost, nothing dropped. */

const fieldMap = FieldMap.parse(fieldMapJson);

function seenIn(map: ReturnType<typeof locateFields>, seen = new Map<string, Control[]>()) {
  for (const f of map.fields) seen.set(f.spec.path, f.controls);
  return seen;
}

test('fields re-located after a layout change; the one whose input left its label is reported lost', () => {
  document.body.innerHTML = `<table><tr><td>申报编号</td><td>SQ1</td></tr></table>
    <table><tr><td class="label">项目名称</td><td><input name="xmmc" value="量子"></td></tr></table>
    <table><tr><td class="label">中央财政经费（万元）</td><td><input name="zy" value="450"></td></tr></table>`;
  const seen = seenIn(locateFields(document, fieldMap));
  expect([...seen.keys()]).toEqual(['project.nameZh', 'budget.central']);

  // the page re-lays itself out: 中央财政经费 moves into a card with its label above; 项目名称's input is moved away
  const zy = document.querySelector('[name=zy]')!;
  const xmmc = document.querySelector('[name=xmmc]')!;
  zy.closest('table')!.outerHTML =
    '<div class="card"><div class="lbl">中央财政经费（万元）</div><div><input name="zy" value="450"></div></div>';
  document.body.append(Object.assign(document.createElement('p'), { className: 'far' }));
  document.querySelector('.far')!.append(xmmc);
  const now = locateFields(document, fieldMap);
  expect(now.fields.map((f) => f.spec.path)).toEqual(['budget.central']);
  expect(lostFields(seenIn(now, seen), now)).toEqual(['project.nameZh']);
  // nothing lost: the value is still read (under the control's own name) and the draft's path key is never emptied
  const raw = readRawValues(now, controlsIn(document));
  expect(raw).toMatchObject({ 'budget.central': '450', xmmc: '量子' });
  expect(raw['project.nameZh']).toBeUndefined();
});

test('a section swapped away with its label is not lost, and a field found again is no longer reported', () => {
  const basic = `<table><tr><td>申报编号</td><td>SQ1</td></tr><tr><td class="label">项目名称</td><td><input name="xmmc"></td></tr></table>`;
  document.body.innerHTML = basic;
  const seen = seenIn(locateFields(document, fieldMap));
  document.body.innerHTML = '<table><tr><td class="label">中央财政经费</td><td><input name="zy"></td></tr></table>';
  const budget = locateFields(document, fieldMap);
  expect(lostFields(seenIn(budget, seen), budget)).toEqual([]);
  // the label stays but its input is gone: lost; then the input comes back: found again
  document.body.innerHTML = `<table><tr><td>申报编号</td><td>SQ1</td></tr><tr><td class="label">项目名称</td><td>（加载中）</td></tr></table>`;
  const loading = locateFields(document, fieldMap);
  expect(loading.unlinked).toContain('project.nameZh');
  expect(lostFields(seenIn(loading, seen), loading)).toEqual(['project.nameZh']);
  document.body.innerHTML = basic;
  const back = locateFields(document, fieldMap);
  expect(lostFields(seenIn(back, seen), back)).toEqual([]);
});
