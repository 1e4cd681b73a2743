// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { emptyChecklist } from '@/lib/core/vocabulary';
import { createAssembly } from '@/lib/overlay/assembly';
import { createPageWatcher } from '@/lib/overlay/pageWatcher';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import { type PageChanges, type PageMap, changedPaths, createLocator, locateFields } from '@/lib/portal/locate';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';
import { applyPage } from '@/replica/pages/apply';
import { widgetsVariantPage } from '@/replica/pages/variants';
import { wordingVariantPage } from '@/replica/pages/variants2';

/**
 * Locating again from what changed (the page watcher's mutation batches) gives the same map as locating the whole
 * page, after rows and sections come and go, tabs swap sections, and labels are rewritten.
 */

const fieldMap = FieldMap.parse(fieldMapJson);
const form = readFileSync(join(import.meta.dirname, '../../fixtures/portal/form.html'), 'utf8');

beforeEach(() => {
  document.body.innerHTML = form;
});

/** A map in comparable terms: every element by its place in the document. */
function plain(map: PageMap) {
  const all = Array.from(document.querySelectorAll('*'));
  const at = (el: Element) => all.indexOf(el);
  return {
    fields: map.fields.map((f) => [f.spec.path, f.controls.map(at), f.label, f.section]),
    lists: map.lists.map((l) => ({
      path: l.spec.path,
      headers: [...l.headers],
      rows: l.rows.map((cells) => [...cells].map(([col, cs]) => [col, cs.map(at)])),
      texts: l.texts.map((t) => [...t]),
    })),
    missing: map.missing,
    ambiguous: map.ambiguous,
    unlinked: map.unlinked,
  };
}

const checklist = emptyChecklist();
/** The application the rules read from a map: read again only where it changed (`changed`), or whole. */
const assess = (assembly: ReturnType<typeof createAssembly>, map: PageMap, changed?: string[]) =>
  assembly.assess({
    map,
    vocabularies: fieldMap.vocabularies,
    packs: { outlines: [], whole: () => undefined },
    checklist,
    changed,
  }).application;

/** A locator fed by the page watcher, as the overlay runs it, and the application read from what it located. */
function incremental() {
  const locator = createLocator(document, fieldMap);
  let map = locator.locate();
  const assembly = createAssembly();
  assess(assembly, map);
  const batches: PageChanges[] = [];
  const watcher = createPageWatcher(document, {
    onInput() {},
    onClick() {},
    onFrameLoaded() {},
    onSweep() {},
    onPageChanged: (changes) => {
      batches.push(changes);
      map = locator.locate(changes);
    },
  });
  watcher.attach(locator.documents());
  return {
    /** After the page's change: the incremental map, checked against a whole locate */
    async settle(): Promise<PageMap> {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const whole = locateFields(document, fieldMap);
      expect(plain(map)).toEqual(plain(whole));
      // the paths located differently are all that is read again, and the reading equals a whole one
      expect(assess(assembly, map, [])).toEqual(assess(createAssembly(), whole));
      return map;
    },
    batches,
    stop: () => watcher.stop(),
  };
}

const rowHtml = (i: number) =>
  `<td>${i + 1}</td><td><input name="cydw[${i}].dwmc" value="单位${i}"></td><td><select name="cydw[${i}].dwlx"><option>企业</option></select></td><td><input name="cydw[${i}].gbjf" value="${i}"></td><td><input name="cydw[${i}].zcjf"></td>`;
const pathsOf = (map: PageMap) => map.fields.map((f) => f.spec.path);

describe('incremental locate equals a whole locate', () => {
  test('a list row added, then removed', async () => {
    const page = incremental();
    const before = await page.settle();
    const row = document.createElement('tr');
    row.innerHTML = rowHtml(2);
    document.querySelector('#cydw tbody, #cydw')!.append(row);
    const added = await page.settle();
    expect(added.lists.find((l) => l.spec.path === 'participants')!.rows).toHaveLength(3);
    expect(changedPaths(before, added)).toEqual(['participants.2']);
    row.remove();
    const removed = await page.settle();
    expect(removed.lists.find((l) => l.spec.path === 'participants')!.rows).toHaveLength(2);
    expect(changedPaths(added, removed)).toEqual(['participants.2']);
    // a row removed from the middle: the rows after it are located differently
    document.querySelector('#cydw tr:nth-child(2)')!.remove();
    expect(changedPaths(removed, await page.settle())).toEqual(['participants.0', 'participants.1']);
    page.stop();
  });

  test('a section added under its own heading, then removed', async () => {
    document.querySelector('h3:last-of-type')!.nextElementSibling!.remove();
    document.querySelector('h3:last-of-type')!.remove();
    const page = incremental();
    const before = await page.settle();
    expect(pathsOf(before)).not.toContain('budget.central');
    const section = document.createElement('div');
    section.innerHTML = `<h3 class="section-title">经费预算</h3><table>
      <tr><td class="label">中央财政经费（万元）</td><td><input name="zy" value="450"></td></tr>
      <tr><td class="label">其他来源经费（万元）</td><td><input name="qt" value="50"></td></tr></table>`;
    document.body.insertBefore(section, document.querySelector('button'));
    const added = await page.settle();
    expect(added.fields.find((f) => f.spec.path === 'budget.central')).toMatchObject({ section: '经费预算' });
    expect(changedPaths(before, added).sort()).toEqual(['budget.central', 'budget.other']);
    section.remove();
    expect(pathsOf(await page.settle())).not.toContain('budget.central');
    page.stop();
  });

  test('a section replaced in place, as tabs swap them; back again', async () => {
    const tab = document.createElement('div');
    tab.id = 'tab-body';
    document.body.prepend(tab);
    const basic = `<h3 class="section-title">基本信息</h3><table>
      <tr><td class="label">项目名称</td><td><input name="xmmc"></td></tr>
      <tr><td class="label">执行期限</td><td><input name="ksrq"> 至 <input name="jsrq"></td></tr></table>`;
    const unit = `<h3 class="section-title">申报单位</h3><table>
      <tr><td class="label">单位名称</td><td><input name="dwmc"></td></tr></table>`;
    document.body.innerHTML = '<div id="tab-body"></div>';
    const body = document.querySelector('#tab-body')!;
    body.innerHTML = basic;
    const page = incremental();
    const first = await page.settle();
    expect(pathsOf(first)).toEqual(expect.arrayContaining(['project.nameZh', 'project.startDate', 'project.endDate']));
    body.innerHTML = unit;
    const second = await page.settle();
    expect(pathsOf(second)).toEqual(['leadUnit.name']);
    body.innerHTML = basic;
    const third = await page.settle();
    expect(third.fields.find((f) => f.spec.path === 'project.nameZh')!.controls[0]).toBe(
      document.querySelector('[name=xmmc]'),
    );
    page.stop();
  });

  test('a label rewritten: its text node changed, then the whole label replaced', async () => {
    const page = incremental();
    const before = await page.settle();
    const label = Array.from(document.querySelectorAll('td.label')).find((td) => td.textContent === '英文名称')!;
    // the page renames the field in place: 英文名称 is no longer a label the field map knows
    label.firstChild!.nodeValue = '备注';
    const renamed = await page.settle();
    expect(pathsOf(before)).toContain('project.nameEn');
    expect(pathsOf(renamed)).not.toContain('project.nameEn');
    expect(changedPaths(before, renamed)).toEqual(['project.nameEn']);
    label.textContent = '项目英文名称';
    expect(pathsOf(await page.settle())).toContain('project.nameEn');
    page.stop();
  });

  test('a second control labelled like an existing field makes it ambiguous; removing it resolves it', async () => {
    const page = incremental();
    await page.settle();
    const table = document.createElement('table');
    table.innerHTML = '<tr><td class="label">中央财政经费（万元）</td><td><input name="zy2"></td></tr>';
    document.body.append(table);
    const twice = await page.settle();
    expect(twice.ambiguous.map((a) => a.path)).toEqual(['budget.central']);
    table.remove();
    expect((await page.settle()).ambiguous).toEqual([]);
    page.stop();
  });

  test('text that no label, heading or cell holds changes nothing: the same map, no work', async () => {
    const page = incremental();
    const before = await page.settle();
    const status = document.createElement('div');
    status.className = 'status';
    status.textContent = '已保存 10:00';
    document.querySelector('.header')!.after(status);
    await page.settle();
    status.firstChild!.nodeValue =
      '这是一条很长的提示文字，它超过了标签的长度，所以不是任何字段的标签，只是页面的状态说明而已。';
    expect(await page.settle()).toBe(before);
    page.stop();
  });

  test('frames: walked again only when one is added, navigated or removed; the same map as a whole locate', () => {
    // happy-dom loads no frame page: each frame shows a document made here, as its contentDocument.
    const page = (html: string) => {
      const d = document.implementation.createHTMLDocument('');
      d.body.innerHTML = html;
      return d;
    };
    const unitPage = page(
      '<h3>申报单位</h3><table><tr><td class="label">单位名称</td><td><input name="dwmc"></td></tr></table>',
    );
    const budgetPage = page(
      '<h3>经费预算</h3><table><tr><td class="label">中央财政经费（万元）</td><td><input name="zy"></td></tr></table>',
    );
    document.body.innerHTML =
      '<table id="basic"><tr><td class="label">项目名称</td><td><input name="xmmc"></td></tr></table>';
    const locator = createLocator(document, fieldMap);
    const paths = (map: PageMap) => map.fields.map((f) => [f.spec.path, f.controls.map((c) => c.getAttribute('name'))]);
    const same = (map: PageMap) => expect(paths(map)).toEqual(paths(locateFields(document, fieldMap)));
    const change = (added: Node[]): PageChanges => ({ targets: [document.body], added, controls: true });
    same(locator.locate());

    let shown: Document = unitPage;
    const frame = document.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', { configurable: true, get: () => shown });
    document.body.append(frame);
    const framed = locator.locate(change([frame]));
    same(framed);
    expect(paths(framed)).toContainEqual(['leadUnit.name', ['dwmc']]);
    const walked = locator.documents().docs;
    expect(walked).toEqual([document, unitPage]);

    // a row of the top page added: the documents of the last walk stand (the same array: not walked again)
    const row = document.createElement('tr');
    row.innerHTML = '<td class="label">项目英文名称</td><td><input name="ywmc"></td>';
    document.querySelector('#basic tbody, #basic')!.append(row);
    same(locator.locate(change([row])));
    expect(locator.documents().docs).toBe(walked);

    // the frame navigates: its new page is read even when the change reported is elsewhere
    shown = budgetPage;
    const navigated = locator.locate(change([row]));
    same(navigated);
    expect(paths(navigated)).toContainEqual(['budget.central', ['zy']]);
    expect(paths(navigated).map(([path]) => path)).not.toContain('leadUnit.name');

    // a frame added inside the framed page
    const inner = budgetPage.createElement('iframe');
    Object.defineProperty(inner, 'contentDocument', { configurable: true, get: () => unitPage });
    budgetPage.body.append(inner);
    same(locator.locate(change([inner])));
    expect(locator.documents().docs).toEqual([document, budgetPage, unitPage]);

    // the outer frame removed: its pages go with it
    frame.remove();
    const removed = locator.locate(change([]));
    same(removed);
    expect(locator.documents().docs).toEqual([document]);
    expect(paths(removed).map(([path]) => path)).not.toContain('budget.central');
  });

  test('a random run of rows, sections and labels added, moved, replaced and removed', async () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const page = incremental();
    const words = ['项目名称', '英文名称', '单位名称', '中央财政经费（万元）', '执行期限', '姓名', '备注', '出生日期'];
    const steps: ((els: Element[]) => void)[] = [
      // a row added to the participants table
      () => {
        const table = document.querySelector('#cydw tbody, #cydw');
        const row = document.createElement('tr');
        row.innerHTML = rowHtml(random(50));
        table?.append(row);
      },
      // a labelled field added somewhere
      (els) => {
        const row = document.createElement('div');
        row.innerHTML = `<span>${words[random(words.length)]}</span><input name="f${random(1000)}">`;
        els[random(els.length)]!.after(row);
      },
      // an element removed
      (els) => {
        const el = els[random(els.length)]!;
        if (el !== document.body) el.remove();
      },
      // an element moved elsewhere
      (els) => {
        const el = els[random(els.length)]!;
        const to = els[random(els.length)]!;
        if (!el.contains(to)) to.before(el);
      },
      // a label's text rewritten
      (els) => {
        const labels = els.filter((el) => el.matches('td.label, span, th'));
        const label = labels[random(labels.length)];
        if (label) label.textContent = words[random(words.length)]!;
      },
      // a heading added
      (els) => {
        const h = document.createElement('h3');
        h.textContent = ['基本信息', '经费预算', '申报单位'][random(3)]!;
        els[random(els.length)]!.before(h);
      },
    ];
    for (let i = 0; i < 60; i++) {
      const els = Array.from(document.body.querySelectorAll('*'));
      if (!els.length) break;
      steps[random(steps.length)]!(els);
      if (random(3) === 0) steps[random(steps.length)]!(Array.from(document.body.querySelectorAll('*')));
      await page.settle();
    }
    expect(page.batches.length).toBeGreaterThan(50);
    page.stop();
  });
});

/**
 * Fixture forms and replica pages of different layouts: their body's markup only (the pages' scripts do not run here,
 * and frames are left out: happy-dom loads no frame page).
 */
const bodyOf = (html: string) =>
  html
    .slice(html.indexOf('>', html.indexOf('<body')) + 1, html.lastIndexOf('</body>'))
    .replace(/<(iframe|script)[\s\S]*?<\/\1>/g, '');
const forms: [string, () => string][] = [
  ['fixture form', () => form],
  ['fill fixture', () => readFileSync(join(import.meta.dirname, '../../fixtures/portal/fill-form.html'), 'utf8')],
  // the replica's own form: a <form> around everything, a 参与单位 table with rows
  ['replica form', () => bodyOf(applyPage({ sbbh: 'SQ-EQ', expired: false, participants: 4 }))],
  ['labels above inputs, other wording', () => bodyOf(wordingVariantPage({ sbbh: 'SQ-EQ' }))],
  ['widgets', () => bodyOf(widgetsVariantPage({ sbbh: 'SQ-EQ' }))],
];

/** A table whose last row has controls under a row of headers: a list the page adds rows to */
const repeatTables = () =>
  Array.from(document.querySelectorAll('table')).filter(
    (t) =>
      t.rows.length >= 2 &&
      !t.rows[0]!.querySelector('input, select, textarea') &&
      t.rows[t.rows.length - 1]!.querySelector('input, select, textarea'),
  );
/** A dialog that adds rows as `layer.open` does: a titled layer with its own list table */
const DIALOG = `<div class="layui-layer-title">添加参与单位</div><table><tr><th>单位名称</th><th>单位类型</th><th>国拨经费</th></tr>
  <tr><td><input name="dwmc"></td><td><select name="dwlx"><option>企业</option></select></td><td><input name="gbjf"></td></tr></table>`;

/** Changes every page makes, whatever its layout: each returns false when the page has nothing to apply it to. */
const changes: [string, (pick: (n: number) => number) => boolean][] = [
  [
    'a row added at the end',
    (pick) => {
      const tables = repeatTables();
      const table = tables[pick(tables.length)];
      if (!table) return false;
      const last = table.rows[table.rows.length - 1]!;
      last.after(last.cloneNode(true));
      return true;
    },
  ],
  [
    'a row added in the middle',
    (pick) => {
      const table = repeatTables()[pick(repeatTables().length)];
      if (!table || table.rows.length < 3) return false;
      table.rows[table.rows.length - 1]!.before(table.rows[1]!.cloneNode(true));
      return true;
    },
  ],
  [
    'a row removed',
    (pick) => {
      const table = repeatTables()[pick(repeatTables().length)];
      if (!table || table.rows.length < 3) return false;
      table.rows[1 + pick(table.rows.length - 1)]!.remove();
      return true;
    },
  ],
  [
    'a section swapped in place, as tabs and menus do',
    (pick) => {
      const tables = Array.from(document.querySelectorAll('table')).filter((t) => t.querySelector('input, select'));
      if (tables.length < 2) return false;
      const [a, b] = [tables[pick(tables.length)]!, tables[pick(tables.length)]!];
      if (a.contains(b) || b.contains(a)) return false;
      const html = a.innerHTML;
      a.innerHTML = b.innerHTML;
      b.innerHTML = html;
      return true;
    },
  ],
  [
    'a dialog opened, a row added in it, closed',
    (pick) => {
      const open = document.querySelector('.layui-layer');
      if (open && pick(2)) open.remove();
      else if (open) open.querySelector('tbody, table')!.append(open.querySelector('tr:last-child')!.cloneNode(true));
      else {
        const layer = document.createElement('div');
        layer.className = 'layui-layer';
        layer.innerHTML = DIALOG;
        document.body.append(layer);
      }
      return true;
    },
  ],
  [
    "a label rewritten as another field's",
    (pick) => {
      const labels = Array.from(document.querySelectorAll('td.label, th, label')).filter((l) => !l.querySelector('*'));
      const [a, b] = [labels[pick(labels.length)], labels[pick(labels.length)]];
      if (!a || !b) return false;
      a.textContent = b.textContent;
      return true;
    },
  ],
  [
    'a heading added or removed',
    (pick) => {
      const heading = document.querySelector('h3.added');
      if (heading) heading.remove();
      else {
        const els = Array.from(document.body.querySelectorAll('table, tr, div'));
        const h = document.createElement('h3');
        h.className = 'added';
        h.textContent = ['基本信息', '经费预算', '申报单位', '参与单位'][pick(4)]!;
        els[pick(els.length)]?.before(h);
      }
      return true;
    },
  ],
];

describe('on other forms: after every row, section, dialog and label change, the same map as a whole locate', () => {
  test.each(forms)('%s, each change in turn', async (_name, html) => {
    document.body.innerHTML = html();
    const page = incremental();
    const first = await page.settle();
    expect(first.fields.length + first.lists.length).toBeGreaterThan(3);
    let applied = 0;
    for (const [, change] of changes)
      for (const pick of [() => 0, (n: number) => n - 1])
        if (change(pick)) {
          applied++;
          await page.settle();
        }
    expect(applied).toBeGreaterThan(8);
    page.stop();
  });

  test.each(forms)('%s, a random run of them', async (_name, html) => {
    document.body.innerHTML = html();
    let seed = 7;
    const pick = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return n > 0 ? seed % n : 0;
    };
    const page = incremental();
    await page.settle();
    for (let i = 0; i < 40; i++) {
      changes[pick(changes.length)]![1](pick);
      // two changes in one batch now and then, as a page's script makes them
      if (pick(3) === 0) changes[pick(changes.length)]![1](pick);
      await page.settle();
    }
    page.stop();
  });
});
