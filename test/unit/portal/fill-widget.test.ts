// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { fillForm } from '@/lib/portal/fill';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import { locateFields } from '@/lib/portal/locate';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

/**
 * Restoring into a combobox whose text box is readonly (EasyUI's editable:false): the value is picked through the
 * widget, so its hidden code and its visible text agree, and the widget's own change handlers run.
 */

const fieldMap = FieldMap.parse(fieldMapJson);
const row = (label: string, cell: string) => `<tr><td class="label">${label}</td><td>${cell}</td></tr>`;
const KINDS = [
  ['01', '科研院所'],
  ['02', '高等院校'],
  ['03', '企业'],
];

/**
 * The page with a 单位性质 combobox. `items`: where its drop-down list sits and whether its items carry their code in
 * the markup ('beside' with data-value, as the replica; 'body' without, as EasyUI keeps it in jQuery data).
 */
function page(items: 'beside' | 'body') {
  const list = (id: string) =>
    `<div class="combo-panel" id="${id}" hidden>${KINDS.map(
      ([code, text]) => `<div class="combobox-item"${items === 'beside' ? ` data-value="${code}"` : ''}>${text}</div>`,
    ).join('')}</div>`;
  document.body.innerHTML = `<ul class="nav"><li class="menu-item"><a href="#x">企业</a></li></ul><table>${row('申报编号', 'SQ1')}<tr><th colspan="2">申报单位</th></tr>${row(
    '单位性质',
    `<span class="combo"><input type="hidden" name="dwxz"><input name="dwxz_text" readonly></span>${items === 'beside' ? list('mine') : ''}`,
  )}</table>${items === 'body' ? list('mine') : ''}`;
  const changes: string[] = [];
  const hidden = document.querySelector<HTMLInputElement>('[name=dwxz]')!;
  const text = document.querySelector<HTMLInputElement>('[name=dwxz_text]')!;
  // the widget: a click on an item sets its model (no events, as EasyUI), then calls its onChange
  document.getElementById('mine')!.addEventListener('click', (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('.combobox-item');
    if (!item) return;
    hidden.value = KINDS.find(([, t]) => t === item.textContent)![0]!;
    text.value = item.textContent!;
    changes.push(hidden.value);
  });
  return { hidden, text, changes };
}

test.each(['beside', 'body'] as const)(
  'a readonly combobox (its list %s it) is picked by its item: code and text agree, the widget hears it',
  async (items) => {
    const { hidden, text, changes } = page(items);
    const report = await fillForm(document, locateFields(document, fieldMap), { 'leadUnit.type': '企业' });
    expect(report.filled).toEqual(['leadUnit.type']);
    expect([hidden.value, text.value]).toEqual(['03', '企业']);
    expect(changes).toEqual(['03']);
    // the menu entry with the same words is never clicked
    expect(location.hash).toBe('');
  },
);

test('a widget that does not hear clicks gets its model written, with the events its code listens to', async () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}<tr><th colspan="2">申报单位</th></tr>${row(
    '单位性质',
    `<span class="combo"><input type="hidden" name="dwxz"><input name="dwxz_text" readonly></span><ul class="panel">${KINDS.map(
      ([code, text]) => `<li role="option" data-value="${code}">${text}</li>`,
    ).join('')}</ul>`,
  )}</table>`;
  const hidden = document.querySelector<HTMLInputElement>('[name=dwxz]')!;
  const heard: string[] = [];
  hidden.addEventListener('change', () => heard.push(hidden.value));
  const report = await fillForm(document, locateFields(document, fieldMap), { 'leadUnit.type': '高等院校' });
  expect(report.filled).toEqual(['leadUnit.type']);
  expect(document.querySelector<HTMLInputElement>('[name=dwxz_text]')!.value).toBe('高等院校');
  expect(heard).toEqual(['02']);
});

test('a value the list does not offer is not written into the readonly box and is reported', async () => {
  const { hidden, text, changes } = page('beside');
  const report = await fillForm(document, locateFields(document, fieldMap), { 'leadUnit.type': '事业单位' });
  expect(report.notTaken).toEqual([{ key: 'leadUnit.type', wanted: '事业单位', got: '', reason: 'noOption' }]);
  expect([hidden.value, text.value, changes]).toEqual(['', '', []]);
});

test('a readonly box filled by a dialog (no list) is left alone, even where the page shows the words elsewhere', async () => {
  document.body.innerHTML = `<table>${row('申报编号', 'SQ1')}<tr><th colspan="2">申报单位</th></tr>${row(
    '单位性质',
    '<span class="picker"><input type="hidden" name="dwxz"><input name="dwxz_text" readonly></span><button type="button">选择</button>',
  )}</table><div class="news"><span class="news-item">企业</span></div>`;
  let clicked = false;
  document.querySelector('.news-item')!.addEventListener('click', () => {
    clicked = true;
  });
  const report = await fillForm(document, locateFields(document, fieldMap), { 'leadUnit.type': '企业' });
  expect(report.notTaken.map((n) => n.reason)).toEqual(['noOption']);
  expect(clicked).toBe(false);
});
