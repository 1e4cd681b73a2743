// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test, vi } from 'vitest';
import { legacyName } from '@/lib/portal/controlKey';
import { fillForm, profileToFields } from '@/lib/portal/fill';
import { addButtonOf } from '@/lib/portal/fill/rows';
import { type PageMap, controlsIn, documentsOf, locateFields } from '@/lib/portal/locate';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import { readRawValues } from '@/lib/portal/read';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/portal', name), 'utf8');
const form = fixture('fill-form.html');
const budget = fixture('fill-budget.html');
const fieldMap = FieldMap.parse(fieldMapJson);

const locate = () => locateFields(document, fieldMap);
const frameDoc = () => document.querySelector('iframe')!.contentDocument!;
const named = <T extends Element = HTMLInputElement>(name: string, doc: Document = document) =>
  doc.querySelector<T>(`[name="${name}"]`)!;

/** The replica page with its 经费预算 frame loaded, and the page's own scripts: 添加 and the budget total. */
beforeEach(async () => {
  const srcdoc = budget.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  document.body.innerHTML = form.replace('<iframe ', `<iframe srcdoc="${srcdoc}" `);
  for (let i = 0; i < 100 && !frameDoc()?.querySelector('input'); i++) await new Promise((r) => setTimeout(r, 5));
  // as replica/client/apply.ts: 添加 clones the row template and numbers its names and ids. happy-dom parses
  // <template> content in body context and drops its <tr>/<td>, so the first row, emptied, serves as the template.
  const rows = document.querySelector('[data-repeat="cydw"]')!;
  const template = rows.firstElementChild!.cloneNode(true) as HTMLElement;
  for (const input of Array.from(template.querySelectorAll('input'))) input.removeAttribute('value');
  document.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).dataset.action !== 'add-row') return;
    const i = rows.children.length;
    const row = template.cloneNode(true) as HTMLElement;
    row.querySelector('.xh')!.textContent = String(i + 1);
    for (const c of Array.from(row.querySelectorAll<HTMLElement>('[name]'))) {
      c.setAttribute('name', c.getAttribute('name')!.replace('[0]', `[${i}]`));
      c.id = c.id.replace('_ctl0_', `_ctl${i}_`);
    }
    rows.append(row);
  });
  // as the frame's own script: 经费合计 follows the input events of the two amounts
  const frame = frameDoc();
  frame.addEventListener('input', () => {
    const sum = Number(named('jfys.zyczjf', frame).value) + Number(named('jfys.qtlyjf', frame).value);
    named('jfys.hj', frame).value = String(sum);
  });
});

/** A draft of every control kind, as read.ts readRawValues keys and formats it. */
const everyKind: Record<string, string> = {
  'project.nameZh': '中奥量子通信合作研究', // text
  'project.endDate': '2022-12-31', // <input type=date>
  'xmxx.xmzy': '第一行\n第二行', // textarea, unmapped: by name
  direction: '1.2 中国和欧盟研究创新旗舰合作计划项目', // grouped select, by option text
  'leadUnit.type': '高等院校', // select by text
  'xmxx.sszx': 'ZX2020-11', // select by value (an older draft)
  'xmfzr.xb': '女', // radio group, unmapped
  'foreignPartners.0.memberships': '理化学研究所职员、地平线2020正式参与方', // checkbox group
  'budget.central': '200', // inside the iframe
  'budget.other': '50',
  'participants.0.name': '某某科技有限公司', // a row the page already has
};

test('fills every control kind, in the page and its iframe, and reports each as filled', async () => {
  const report = await fillForm(document, locate(), everyKind);
  expect(report).toEqual({ filled: Object.keys(everyKind), notTaken: [], missing: [] });
  expect(named('xmxx.xmmc').value).toBe('中奥量子通信合作研究');
  expect(named('xmxx.zxqxjs').value).toBe('2022-12-31');
  expect(named<HTMLTextAreaElement>('xmxx.xmzy').value).toBe('第一行\n第二行');
  expect(named<HTMLSelectElement>('xmxx.znfx').value).toBe('ZN2019-0102');
  expect(named<HTMLSelectElement>('sbdw.dwxz').value).toBe('2');
  expect(named<HTMLSelectElement>('xmxx.sszx').value).toBe('ZX2020-11');
  expect(Array.from(document.querySelectorAll<HTMLInputElement>('[name="xmfzr.xb"]')).map((r) => r.checked)).toEqual([
    false,
    true,
  ]);
  expect(
    Array.from(document.querySelectorAll<HTMLInputElement>('[name="wfdw.zg"]'))
      .filter((c) => c.checked)
      .map((c) => c.value),
  ).toEqual(['RIKEN', 'H2020']);
  expect(named('jfys.zyczjf', frameDoc()).value).toBe('200');
  // the frame's own script saw the input events: its total follows
  expect(named('jfys.hj', frameDoc()).value).toBe('250');
  expect(named('cydw[0].dwmc').value).toBe('某某科技有限公司');
});

test('what fillForm writes reads back as the same draft (restore round trip)', async () => {
  const map = locate();
  await fillForm(document, map, everyKind);
  // the draft names unlocated controls by their bare names (as before keys carried their section): read back by name
  const raw = Object.fromEntries(
    Object.entries(readRawValues(map, documentsOf(document).flatMap(controlsIn))).map(([k, v]) => [legacyName(k), v]),
  );
  // selects read back as their option's text (never the portal's code), the rest as the draft holds them
  const { 'xmxx.sszx': _program, ...rest } = everyKind;
  for (const [key, value] of Object.entries(rest)) expect(raw[key], key).toBe(value);
  expect(raw['xmxx.sszx']).toBe('战略性科技创新合作重点专项');
});

test('a draft value can clear a field and uncheck choices', async () => {
  await fillForm(document, locate(), { 'foreignPartners.0.memberships': '挪威FME中心成员', 'xmfzr.xb': '男' });
  const report = await fillForm(document, locate(), {
    'participants.0.name': '',
    'foreignPartners.0.memberships': '',
    'xmfzr.xb': '',
    'leadUnit.type': '',
  });
  expect(report.notTaken).toEqual([]);
  expect(named('cydw[0].dwmc').value).toBe('');
  expect(
    Array.from(document.querySelectorAll<HTMLInputElement>('[name="wfdw.zg"], [name="xmfzr.xb"]')).some(
      (c) => c.checked,
    ),
  ).toBe(false);
});

test.each([
  {
    kind: 'text',
    key: 'project.nameZh',
    value: '新名称',
    name: 'xmxx.xmmc',
    events: ['input', 'change', 'blur', 'focusout'],
  },
  {
    kind: 'select',
    key: 'leadUnit.type',
    value: '企业',
    name: 'sbdw.dwxz',
    events: ['input', 'change', 'blur', 'focusout'],
  },
  {
    kind: 'checkbox',
    key: 'foreignPartners.0.memberships',
    value: '挪威SFI中心成员',
    name: 'wfdw.zg',
    events: ['click', 'input', 'change'],
  },
])(
  'a $kind control gets the events a person would cause, bubbling to the page',
  async ({ key, value, name, events }) => {
    const seen: string[] = [];
    for (const type of ['focus', 'click', 'input', 'change', 'blur', 'focusout']) {
      // capture on the document: focus and blur do not bubble
      document.addEventListener(
        type,
        (e) =>
          (e.target as Element).getAttribute('name') === name && seen.push(`${type}${e.bubbles ? '' : '(no bubble)'}`),
        true,
      );
    }
    await fillForm(document, locate(), { [key]: value });
    expect(seen).toEqual(events.map((t) => (t === 'blur' ? 'blur(no bubble)' : t)));
  },
);

test('a date input gets a date typed the Chinese way as YYYY-MM-DD', async () => {
  const report = await fillForm(document, locate(), {
    'project.endDate': '2022年12月31日',
    'project.startDate': '2020年1月1日',
  });
  expect(report.filled).toEqual(['project.endDate', 'project.startDate']);
  expect(named('xmxx.zxqxjs').value).toBe('2022-12-31'); // type=date
  expect(named('xmxx.zxqxks').value).toBe('2020年1月1日'); // a text input keeps what was typed
});

test('a value already on the page is left alone: no events', async () => {
  named('xmxx.xmmc').value = '已有';
  const onInput = vi.fn();
  document.addEventListener('input', onInput);
  const report = await fillForm(document, locate(), { 'project.nameZh': '已有' });
  expect(report.filled).toEqual(['project.nameZh']);
  expect(onInput).not.toHaveBeenCalled();
});

test('adds the 参与单位 rows the draft holds with the page’s 添加 button, then fills them', async () => {
  const relocate = vi.fn(locate);
  const draft = {
    'participants.0.name': '甲公司',
    'participants.1.name': '乙研究所',
    'participants.1.type': '科研院所',
    'participants.2.name': '丙大学',
    'participants.2.governmentFunding': '80',
  };
  const report = await fillForm(document, locate(), draft, { relocate });
  expect(report).toEqual({ filled: Object.keys(draft), notTaken: [], missing: [] });
  expect(relocate).toHaveBeenCalled();
  expect(document.querySelectorAll('[data-repeat="cydw"] tr')).toHaveLength(3);
  expect(named('cydw[1].dwmc').value).toBe('乙研究所');
  expect(named<HTMLSelectElement>('cydw[1].dwlx').value).toBe('3');
  expect(named('cydw[2].gbjf').value).toBe('80');
});

test('an empty table (as the React variant starts) is found by its headers and grown from nothing', async () => {
  document.querySelector('[data-repeat="cydw"]')!.replaceChildren();
  const report = await fillForm(
    document,
    locate(),
    { 'participants.0.name': '甲公司', 'participants.1.name': '乙研究所' },
    { relocate: locate },
  );
  expect(report).toEqual({ filled: ['participants.0.name', 'participants.1.name'], notTaken: [], missing: [] });
  expect(named('cydw[1].dwmc').value).toBe('乙研究所');
});

test('without a way to locate again, rows are not added and their keys are missing', async () => {
  const report = await fillForm(document, locate(), {
    'participants.0.name': '甲公司',
    'participants.1.name': '乙研究所',
  });
  expect(document.querySelectorAll('[data-repeat="cydw"] tr')).toHaveLength(1);
  expect(report).toEqual({ filled: ['participants.0.name'], notTaken: [], missing: ['participants.1.name'] });
});

test('a 添加 button that adds nothing ends the wait, and the rows are missing', async () => {
  // the attachments table has no 添加 of its own, and the page ignores clicks on the 参与单位 one
  document.querySelector<HTMLElement>('[data-action="add-row"]')!.dataset.action = 'noop';
  const report = await fillForm(
    document,
    locate(),
    { 'participants.3.name': '丁', 'attachments.0.name': 'a.pdf' },
    { relocate: locate },
  );
  expect(report.missing).toEqual(['participants.3.name', 'attachments.0.name']);
});

test.each([
  {
    why: 'inside the table',
    html: '<table id="t"><tr><th>单位名称</th><th>类型</th></tr><tr><td colspan="2"><button type="button">新增</button></td></tr></table>',
    found: '新增',
  },
  {
    why: 'after the table, inside a layout table cell',
    html: '<table><tr><td><table id="t"><tr><th>单位名称</th></tr></table></td></tr><tr><td><input type="button" value="＋添加"></td></tr></table>',
    found: '＋添加',
  },
  {
    why: 'not after the next section that has controls',
    html: '<table id="t"><tr><th>单位名称</th></tr></table><table><tr><td>姓名</td><td><input name="xm"></td></tr></table><input type="button" value="添加">',
    found: undefined,
  },
  {
    why: 'not a 删除 or 保存 button',
    html: '<table id="t"><tr><th>单位名称</th></tr></table><input type="button" value="删除"><button>保存</button>',
    found: undefined,
  },
])('the 添加 button of a table: $why', ({ html, found }) => {
  document.body.innerHTML = html;
  const button = addButtonOf(document.getElementById('t') as HTMLTableElement);
  expect(button && (button.tagName === 'INPUT' ? (button as HTMLInputElement).value : button.textContent)).toBe(found);
});

test('a control that puts its old value back is reported as not taken', async () => {
  const name = named('xmxx.xmmc');
  name.addEventListener('input', () => (name.value = '')); // e.g. a mask that rejects the text
  const report = await fillForm(document, locate(), {
    'project.nameZh': '中奥量子通信合作研究',
    'project.nameEn': 'Quantum',
  });
  expect(report.notTaken).toEqual([
    { key: 'project.nameZh', wanted: '中奥量子通信合作研究', got: '', reason: 'rejected' },
  ]);
  expect(report.filled).toEqual(['project.nameEn']);
});

test('read-only controls, unknown options and file inputs are not written and say what the page holds', async () => {
  named('xmxx.tjdw').readOnly = true;
  named('xmxx.tjdw').value = '科学技术部';
  const report = await fillForm(document, locate(), {
    'xmxx.tjdw': '另一个单位',
    'jfys.hj': '999', // 经费合计 is read-only in the frame
    'pi.title': '院士', // no such option
    'fjsc.file': 'C:\\fakepath\\协议.pdf',
  });
  expect(report.filled).toEqual([]);
  expect(report.notTaken).toEqual([
    { key: 'xmxx.tjdw', wanted: '另一个单位', got: '科学技术部', reason: 'locked' },
    { key: 'jfys.hj', wanted: '999', got: '', reason: 'locked' },
    { key: 'pi.title', wanted: '院士', got: '', reason: 'noOption' },
    { key: 'fjsc.file', wanted: 'C:\\fakepath\\协议.pdf', got: '', reason: 'locked' },
  ]);
  expect(named('xmxx.tjdw').value).toBe('科学技术部');
});

test('keys with no control on the page are missing', async () => {
  const report = await fillForm(document, locate(), {
    'project.abstractEn': 'An abstract',
    'gone.field': 'x',
    'project.nameEn': 'Quantum',
  });
  expect(report).toEqual({ filled: ['project.nameEn'], notTaken: [], missing: ['project.abstractEn', 'gone.field'] });
});

test('never throws into the page: a listener or a relocate that throws leaves a report', async () => {
  named('xmxx.xmmc').addEventListener('change', () => {
    throw new Error('page bug');
  });
  const relocate = () => {
    throw new Error('locate failed');
  };
  const broken: PageMap = {
    ...locate(),
    fields: [...locate().fields, { spec: { path: 'pi.extra' }, controls: [null as never], label: '', section: '' }],
  };
  const report = await fillForm(
    document,
    broken,
    { 'project.nameZh': '名称', 'pi.extra': 'x', 'participants.4.name': '戊', 'project.nameEn': 'EN' },
    { relocate },
  );
  expect(report.filled).toContain('project.nameEn');
  expect(report.notTaken).toContainEqual({ key: 'pi.extra', wanted: 'x', got: '', reason: 'rejected' });
  expect(report.missing).toEqual(['participants.4.name']);
});

test('profiles fill the lead unit and the project leader through the same writer', async () => {
  const unit = profileToFields(
    {
      id: 'u1',
      updatedAt: '',
      origins: [],
      kind: 'leadUnit',
      name: '某某大学',
      creditCode: '12100000400000000X',
      contacts: [],
    },
    'leadUnit',
  );
  const pi = profileToFields(
    {
      id: 'p1',
      updatedAt: '',
      origins: [],
      kind: 'teamMember',
      name: '张三',
      title: '研究员',
      degree: '博士',
      birthDate: '1975-03-08',
      phone: '13800000000',
      email: 'zhang@example.cn',
    },
    'pi',
  );
  const report = await fillForm(document, locate(), { ...unit, ...pi });
  expect(report.notTaken).toEqual([]);
  expect(report.filled).toHaveLength(8);
  expect(named('sbdw.tyshxydm').value).toBe('12100000400000000X');
  expect(named<HTMLSelectElement>('xmfzr.zc').selectedOptions[0]!.textContent).toBe('研究员');
  expect(named('xmfzr.csrq').value).toBe('1975-03-08');
});
