// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { countFindings } from '@/lib/engine/counts';
import type { Finding } from '@/lib/engine/finding';
import type { AutosaveMessage, AutosaveReply } from '@/lib/messages/protocol';
import {
  SECTIONS_KEY,
  UNITS_KEY,
  changedModelPath,
  chosenMatch,
  evaluatorPath,
  completeFromDraft,
  createAssembly,
  yuanFields,
} from '@/lib/overlay/assembly';
import { type DraftChannel, createDraftSync, restorableFields } from '@/lib/overlay/draftSync';
import { controlFor } from '@/lib/overlay/fieldControls';
import { createMappingMode } from '@/lib/overlay/mappingMode';
import { createPageWatcher } from '@/lib/overlay/pageWatcher';
import { createValueSweep, locatedControls } from '@/lib/overlay/valueSweep';
import { type OverlayState, initialState } from '@/lib/overlay/state';
import { parsePack } from '@/lib/packs/parsePack';
import { outlineOf } from '@/lib/packs/origin';
import type { RulePack } from '@/lib/packs/schema';
import { isChoice, locateFields } from '@/lib/portal/locate';
import { readApplication } from '@/lib/portal/read';
import { type FieldMapPatch, emptyPatch } from '@/lib/portal/mapping';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';
import { emptyChecklist } from '@/lib/core/vocabulary';
import { createClient } from '@/lib/messages/contract';

const fixtures = join(import.meta.dirname, '../../fixtures');
const form = readFileSync(join(fixtures, 'portal/form.html'), 'utf8');
const parsed = parsePack(JSON.parse(readFileSync(join(fixtures, 'packs/mini.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const pack = parsed.pack;
const fieldMap = fieldMapJson as unknown as FieldMap;
const durationRule = 'test-mini/1.7/duration-max-2y';
/** Packs as the content script holds them once fetched: outlined, and whole. */
const fetched = (packs: RulePack[]) => ({
  outlines: packs.map(outlineOf),
  whole: (id: string) => packs.find((p) => p.id === id),
});

beforeEach(() => {
  document.body.innerHTML = form;
  for (const option of Array.from(document.querySelectorAll<HTMLOptionElement>('option[selected]')))
    option.selected = true;
});

const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

/** What every assessment of the test form is given: its fields, the vocabularies, the test pack, no ticks. */
const assessInput = (map: ReturnType<typeof locateFields>) => ({
  map,
  vocabularies: fieldMap.vocabularies,
  packs: fetched([pack]),
  checklist: emptyChecklist(),
});

describe('countFindings', () => {
  const finding = (ruleId: string, status: Finding['status'], severity: Finding['severity']) =>
    ({ ruleId, status, severity }) as Finding;
  test('by verdict: failures by severity, the rest by status, 不适用 and acknowledged warnings left out', () => {
    const findings = [
      finding('a', 'fail', 'error'),
      finding('b', 'fail', 'warning'),
      finding('c', 'fail', 'warning'),
      finding('d', 'confirm', 'info'),
      finding('e', 'pass', 'error'),
      finding('f', 'unknown', 'error'),
      finding('g', 'na', 'error'),
    ];
    const all = { error: 1, warning: 2, info: 0, confirm: 1, unknown: 1, pass: 1 };
    expect(countFindings(findings)).toEqual(all);
    expect(countFindings(findings, { c: { reason: 'x' } })).toEqual({ ...all, warning: 1 });
  });
});

describe('page watcher', () => {
  function watch() {
    const calls: string[] = [];
    const watcher = createPageWatcher(document, {
      onInput: (t) => calls.push(`input:${(t as HTMLInputElement).name}`),
      onClick: () => calls.push('click'),
      onPageChanged: (c) => calls.push(c.controls ? `controls:${c.added.length}` : `text:${c.targets.length}`),
      onFrameLoaded: () => calls.push('frame'),
      onSweep: (idle) => calls.push(idle ? 'sweep:idle' : 'sweep:all'),
    });
    watcher.attach({ docs: [document], frames: [] });
    return { calls, watcher };
  }

  test('reports input and change of controls, and clicks; nothing once stopped', () => {
    const { calls, watcher } = watch();
    input('xmxx.ywmc').dispatchEvent(new Event('input', { bubbles: true }));
    input('sbdw.dwmc').dispatchEvent(new Event('change', { bubbles: true }));
    document.body.dispatchEvent(new Event('click', { bubbles: true }));
    expect(calls).toEqual(['input:xmxx.ywmc', 'input:sbdw.dwmc', 'click']);
    watcher.stop();
    input('xmxx.ywmc').dispatchEvent(new Event('input', { bubbles: true }));
    expect(calls).toHaveLength(3);
  });

  test('the idle sweep skips a hidden tab; shown again, the tab is swept once at once', async () => {
    vi.useFakeTimers();
    try {
      let visibility: DocumentVisibilityState = 'hidden';
      vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
      const { calls, watcher } = watch();
      watcher.startIdleSweep(1000);
      await vi.advanceTimersByTimeAsync(3500);
      expect(calls).toEqual([]);
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toEqual(['sweep:all']);
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toEqual(['sweep:all', 'sweep:idle']);
      watcher.stop();
    } finally {
      vi.restoreAllMocks();
      vi.useRealTimers();
    }
  });

  test('focus moves and clicks ask for one sweep of every control, after the page’s own handlers', async () => {
    const { calls } = watch();
    input('xmxx.ywmc').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    input('sbdw.dwmc').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(calls).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['sweep:all']);
  });

  test('a focusin on the control that already has focus asks for no sweep; one after a focusout does', async () => {
    const { calls } = watch();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    input('xmxx.ywmc').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(calls).toEqual(['sweep:all']);
    // a script sets the focused date input's value: Chromium fires focusin again, on the same control
    input('xmxx.ywmc').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(calls).toEqual(['sweep:all']);
    input('xmxx.ywmc').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    input('xmxx.ywmc').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(calls).toEqual(['sweep:all', 'sweep:all']);
    input('sbdw.dwmc').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(calls).toEqual(['sweep:all', 'sweep:all', 'sweep:all']);
  });

  test('the idle timer asks for a share of the controls; a focus change meanwhile makes it a sweep of all', async () => {
    vi.useFakeTimers();
    try {
      const { calls, watcher } = watch();
      watcher.startIdleSweep(1000);
      await vi.advanceTimersByTimeAsync(1001);
      expect(calls).toEqual(['sweep:idle']);
      await vi.advanceTimersToNextTimerAsync(); // the next tick queues an idle sweep…
      input('xmxx.ywmc').dispatchEvent(new FocusEvent('focusout', { bubbles: true })); // …a focus change joins it
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toEqual(['sweep:idle', 'sweep:all']);
      watcher.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  test('one call for a batch of changes, with what was added; text-only changes say so', async () => {
    const { calls } = watch();
    const table = document.querySelector('#cydw')!;
    for (const name of ['cydw[2].dwmc', 'cydw[2].gbjf']) {
      const cell = document.createElement('td');
      cell.innerHTML = `<input name="${name}">`;
      table.append(cell);
    }
    document.body.append(document.createTextNode('已保存'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['controls:3']);
    // a label rewritten in place (its text node's data): reported, with no controls
    const label = document.createElement('span');
    label.textContent = '项目名称';
    document.body.append(label);
    await new Promise((resolve) => setTimeout(resolve, 0));
    label.firstChild!.nodeValue = '项目名称（中文）';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['controls:3', 'text:1', 'text:1']);
  });

  test('attaching twice listens once', () => {
    const { calls, watcher } = watch();
    watcher.attach({ docs: [document], frames: [] });
    input('xmxx.ywmc').dispatchEvent(new Event('input', { bubbles: true }));
    expect(calls).toEqual(['input:xmxx.ywmc']);
  });
});

describe('application assembly', () => {
  test('finds the direction, evaluates, and re-runs only rules reading a changed path', () => {
    const assembly = createAssembly();
    const map = locateFields(document, fieldMap);
    const base = assessInput(map);
    const first = assembly.assess(base);
    expect(first.direction?.direction.code).toBe('1.7');
    expect(first.findings.find((f) => f.ruleId === durationRule)?.status).toBe('fail');
    input('xmxx.jsrq').value = '2021-12-31';
    const second = assembly.assess({ ...base, changed: ['project.endDate'] });
    expect(second.findings.find((f) => f.ruleId === durationRule)?.status).toBe('pass');
    // An unrelated path changed: the duration finding stays as it was computed, even though the page changed.
    input('xmxx.jsrq').value = '2022-12-31';
    const third = assembly.assess({ ...base, changed: ['project.nameEn'] });
    expect(third.findings.find((f) => f.ruleId === durationRule)?.status).toBe('pass');
  });

  test('a direction whose pack is not fetched yet is not evaluated: the pack is named in needs', () => {
    const map = locateFields(document, fieldMap);
    const base = { map, vocabularies: fieldMap.vocabularies, checklist: emptyChecklist() };
    const assembly = createAssembly();
    const outlined = assembly.assess({ ...base, packs: { outlines: [outlineOf(pack)], whole: () => undefined } });
    expect(outlined).toMatchObject({ needs: ['test-mini'], direction: undefined, findings: [] });
    const whole = assembly.assess({ ...base, packs: fetched([pack]) });
    expect(whole.needs).toEqual([]);
    expect(whole.direction?.direction.code).toBe('1.7');
    expect(whole.findings.find((f) => f.ruleId === durationRule)?.status).toBe('fail');
  });

  test('the chosen direction is used when the page shows none a pack knows', () => {
    const select = document.querySelector<HTMLSelectElement>('select[name="xmxx.znfx"]')!;
    select.value = '';
    const map = locateFields(document, fieldMap);
    const assessed = createAssembly().assess({ ...assessInput(map), chosen: { packId: pack.id, code: '1.7' } });
    expect(assessed.direction?.direction.code).toBe('1.7');
    expect(chosenMatch([pack], { packId: pack.id, code: '9.9' })).toBeUndefined();
  });

  test('a section page without the dates: the rules read them from the draft, and say from which page', () => {
    const dates = input('xmxx.jsrq').closest('tr')!;
    dates.remove();
    const map = locateFields(document, fieldMap);
    expect(map.missing).toEqual(expect.arrayContaining(['project.startDate', 'project.endDate']));
    const draft = {
      'project.startDate': '2020-01-01',
      'project.endDate': '2022-12-31',
      'project.nameZh': '草稿里的旧名称',
      [SECTIONS_KEY]: JSON.stringify({ 'project.startDate': '基本信息', 'project.endDate': '基本信息' }),
    };
    const base = { ...assessInput(map), fieldMap };
    const withDraft = createAssembly().assess({ ...base, draft });
    expect(withDraft.findings.find((f) => f.ruleId === durationRule)?.status).toBe('fail');
    expect(withDraft.fromOtherPages).toEqual([
      { path: 'project.startDate', section: '基本信息' },
      { path: 'project.endDate', section: '基本信息' },
    ]);
    // what the page shows wins over the draft
    expect(withDraft.application.project.nameZh).toBe('中奥量子通信合作研究');
    const withoutDraft = createAssembly().assess(base);
    expect(withoutDraft.findings.find((f) => f.ruleId === durationRule)?.status).not.toBe('fail');
  });

  test('a keystroke that changes no verdict keeps each part’s identity; the page’s reading is completed, not cloned', () => {
    input('xmxx.jsrq').closest('tr')!.remove();
    const map = locateFields(document, fieldMap);
    const draft: Record<string, string> = { 'project.startDate': '2020-01-01', 'project.endDate': '2022-12-31' };
    const assembly = createAssembly();
    const base = { ...assessInput(map), fieldMap, draft };
    const first = assembly.assess(base);
    expect(first.findings.find((f) => f.ruleId === durationRule)?.status).toBe('fail');
    input('xmxx.xmmc').value = '另一个名称';
    const second = assembly.assess({ ...base, changed: ['project.nameZh'] });
    expect(second.application.project.nameZh).toBe('另一个名称');
    expect(second.findings).toBe(first.findings);
    expect(second.direction).toBe(first.direction);
    expect(second.layers).toBe(first.layers);
    expect(second.fromOtherPages).toBe(first.fromOtherPages);
    // Lists the draft did not fill are the page's own reading, shared with the last assessment.
    expect(second.application.participants).toBe(first.application.participants);
    // The draft gains the end date's new value in place (as the draft sync keeps it): read at the next assessment.
    draft['project.endDate'] = '2021-12-31';
    const third = assembly.assess({ ...base, changed: ['project.endDate'] });
    expect(third.findings.find((f) => f.ruleId === durationRule)?.status).toBe('pass');
    expect(third.findings).not.toBe(first.findings);
  });

  test('an amount typed into a 元 field on another page is read from the draft in 元, never as 万元', () => {
    document.body.innerHTML = `<table><tr><td>申报编号</td><td>SQ1</td></tr>
      <tr><th colspan="2">经费预算</th></tr><tr><td>中央财政经费（元）</td><td><input name="zy" value="4500000"></td></tr>
      <tr><td>其他来源经费（万元）</td><td><input name="qt" value="50"></td></tr></table>`;
    expect(yuanFields(locateFields(document, fieldMap))).toEqual(['budget.central']);
    const app = createAssembly().assess({
      map: locateFields(document, fieldMap),
      vocabularies: fieldMap.vocabularies,
      packs: fetched([]),
      checklist: emptyChecklist(),
    }).application;
    const draft = { 'budget.central': '4500000', 'budget.other': '50', [UNITS_KEY]: 'budget.central' };
    const other = completeFromDraft(structuredClone(app), ['budget.central', 'budget.other'], draft, fieldMap);
    expect(other.application.budget).toMatchObject({ central: 450, other: 50 });
    const { [UNITS_KEY]: _, ...withoutUnits } = draft;
    expect(completeFromDraft(app, ['budget.central'], withoutUnits, fieldMap).application.budget.central).toBe(4500000);
  });

  test('a participant’s cell tells the rules its column while the row stays; a row that appears changes the list', () => {
    // a third row, empty
    const last = document.querySelector('#cydw tr:last-child')!;
    const row = last.cloneNode(true) as HTMLTableRowElement;
    row.querySelector('select')!.remove(); // a select always shows a value
    for (const control of row.querySelectorAll('input')) {
      control.name = control.name.replace('[1]', '[2]');
      control.value = '';
    }
    last.after(row);
    const map = locateFields(document, fieldMap);
    const read = () => readApplication(map, fieldMap.vocabularies);
    const before = read();
    expect(before.application.participants).toHaveLength(2);
    input('cydw[0].dwmc').value = '另一家公司';
    expect(evaluatorPath('participants.0.name', map, before, read())).toBe('participants.*.name');
    input('cydw[2].dwmc').value = '新加的单位';
    const grown = read();
    expect(grown.application.participants).toHaveLength(3);
    expect(evaluatorPath('participants.2.name', map, before, grown)).toBe('participants');
    // another page map (before undefined), or a field outside the lists: the model path whole
    expect(evaluatorPath('participants.0.name', map, undefined, grown)).toBe('participants');
    expect(evaluatorPath('project.endDate', map, before, grown)).toBe('project.endDate');

    // Through the assembly: typing in either row gives the findings a fresh assessment gives.
    const assembly = createAssembly();
    const base = assessInput(map);
    assembly.assess(base);
    const fresh = () => createAssembly().assess(base).findings;
    for (const [name, value, path] of [
      ['cydw[2].gbjf', '30', 'participants.2.governmentFunding'],
      ['cydw[0].gbjf', '5000', 'participants.0.governmentFunding'],
      ['cydw[2].gbjf', '', 'participants.2.governmentFunding'],
      ['cydw[2].dwmc', '', 'participants.2.name'],
      ['cydw[1].zcjf', '900', 'participants.1.matchingFunds'],
    ] as const) {
      input(name).value = value;
      expect(assembly.assess({ ...base, changed: [path] }).findings, `${name} = ${value}`).toEqual(fresh());
    }
  });

  test.each([
    ['participants.1.name', 'participants'],
    ['participants.12', 'participants'],
    ['project.endDate', 'project.endDate'],
  ])('changedModelPath(%s)', (path, expected) => expect(changedModelPath(path)).toBe(expected));
});

describe('draft sync', () => {
  function setup(values: Record<string, string>) {
    const posted: AutosaveMessage[] = [];
    let reply: (m: AutosaveReply) => void = () => {};
    const channel: DraftChannel = {
      post: (m) => {
        if (m.type === 'draftChanges') posted.push(m); // the hello that registers the tab is left out
      },
      onMessage: (fn) => {
        reply = fn;
      },
      onReconnect: () => {},
    };
    const states: Partial<OverlayState>[] = [];
    const sync = createDraftSync({
      channel,
      call: createClient(async () => ({
        ok: true,
        value: { revision: 4, updatedAt: 'x', fields: { b: '2' }, checklist: emptyChecklist() },
      })).call,
      identity: () => ({ key: 'h|A1', host: 'h', applicationId: 'A1' }),
      read: () => ({ ...values }),
      onState: (p) => void states.push(p),
    });
    sync.listen();
    return { sync, posted, states, reply: (m: AutosaveReply) => reply(m) };
  }

  test('posts only what changed since the baseline, each field with the value the loaded draft holds', async () => {
    const values: Record<string, string> = { a: '1', b: '2' };
    const { sync, posted } = setup(values);
    sync.baseline();
    await sync.load();
    sync.postChanges();
    expect(posted).toEqual([]);
    values.b = '3';
    sync.postChanges();
    sync.postChanges();
    expect(posted).toEqual([
      expect.objectContaining({ type: 'draftChanges', key: 'h|A1', fields: { b: '3' }, bases: { b: '2' }, seq: 1 }),
    ]);
  });

  test('an acknowledged change becomes the base; a held field waits for the user, other fields go on', async () => {
    const values: Record<string, string> = { a: '1', b: '2' };
    const { sync, posted, states, reply } = setup(values);
    sync.baseline();
    await sync.load();
    values.a = '2';
    sync.postChanges();
    const writer = posted[0]!.writer;
    reply({ type: 'saved', key: 'h|A1', revision: 9, at: 't', writer, seq: 1 });
    values.a = '3';
    sync.postChanges();
    expect(posted.at(-1)).toMatchObject({ fields: { a: '3' }, bases: { a: '2' }, seq: 2 });
    reply({ type: 'saved', key: 'h|A1', revision: 10, at: 't', writer, seq: 2, held: { a: 'theirs' } });
    expect(states.at(-1)?.held).toEqual({ a: { mine: '3', theirs: 'theirs' } });
    values.a = '4';
    values.b = 'b typed';
    sync.postChanges();
    expect(posted.at(-1)!.fields).toEqual({ b: 'b typed' }); // the held field waits for the choice
    sync.resolveConflict('mine');
    expect(posted.at(-1)).toMatchObject({ fields: { a: '4' }, bases: { a: 'theirs' } });
    expect(states.at(-1)?.held).toEqual({});
    reply({ type: 'saved', key: 'other|key', revision: 99, at: 't', writer, seq: 99 });
    expect(states.at(-1)?.unsaved).toBe(2); // another draft's acknowledgement acknowledges nothing here
  });

  test('a draft is started only with arrival values the page still shows', () => {
    const values: Record<string, string> = { a: 'shown', b: 'typed', c: '' };
    const { sync, posted } = setup(values);
    const arrival = sync.baseline();
    values.b = 'changed';
    sync.startDraft(arrival);
    expect(posted.map((p) => p.fields)).toEqual([{ a: 'shown' }]);
  });

  test('without a draft, bookkeeping and empty values start none; a hand-over does, even of a field emptied', () => {
    const values: Record<string, string> = { '~sections': '{"a":"一、基本信息"}', a: '', c: '' };
    const { sync, posted } = setup(values);
    const arrival = sync.baseline();
    sync.startDraft(arrival);
    sync.arrived({ '~labels': '{"x":"备注"}', d: '' });
    expect(posted).toEqual([]);
    sync.postKeys(['c']); // an old content script had not saved c: the user emptied it
    expect(posted.map((p) => p.fields)).toEqual([
      { '~sections': '{"a":"一、基本信息"}', '~labels': '{"x":"备注"}', c: '' },
    ]);
  });

  test('a section page arriving empty never empties the draft; values the draft lacks start it', async () => {
    const values: Record<string, string> = { a: '1' };
    const { sync, posted } = setup(values);
    sync.baseline();
    await sync.load();
    values.b = ''; // a new section's empty field (after a portal timeout)
    values.c = 'shown by the portal';
    sync.arrived();
    expect(posted.map((p) => p.fields)).toEqual([{ c: 'shown by the portal' }]);
    sync.postChanges();
    expect(posted).toHaveLength(1);
    values.b = 'typed';
    sync.postChanges();
    expect(posted.at(-1)!.fields).toEqual({ b: 'typed' });
  });

  test('restorable: saved values the page lacks, never over what the user typed meanwhile', () => {
    expect(
      restorableFields({ a: 'x', b: 'y', c: '', d: 'same' }, { a: '', b: '', c: '', d: 'same' }, { a: '', b: 'typed' }),
    ).toEqual({ a: 'x' });
    // A frame that loads while the draft is read: its fields were absent on arrival. Empty now, they are offered (the
    // portal's timeout left them empty); typed into already, they are not. One gone since (a section swapped out) is
    // offered too, and restored when its page is back.
    expect(
      restorableFields({ f: '450', g: '50', h: 'kept', i: 'x' }, { i: '' }, { f: '', g: 'typed', h: undefined! }),
    ).toEqual({ f: '450', h: 'kept', i: 'x' });
  });
});

describe('mapping mode', () => {
  function setup(active: boolean) {
    const saved = new Map<string, FieldMapPatch>();
    let state = initialState(emptyPatch(fieldMap.id, 'h', '/f'));
    state = { ...state, mapping: { ...state.mapping, active } };
    const mode = createMappingMode({
      store: { get: async (k) => saved.get(k), set: async (k, p) => void saved.set(k, p) },
      key: 'mapping:h/f',
      getState: () => state,
      onState: (p) => {
        state = { ...state, ...p };
      },
    });
    return { mode, saved, state: () => state };
  }

  test('a click picks a control only while active; assigning makes a patch entry that is saved under the key', async () => {
    const off = setup(false);
    off.mode.onClick({ target: input('xmxx.ywmc') } as unknown as Event);
    expect(off.mode.assign('project.nameEn')).toBeUndefined();

    const { mode, saved, state } = setup(true);
    mode.onClick({ target: document.body } as unknown as Event);
    expect(state().mapping.picked).toBeUndefined();
    mode.onClick({ target: input('xmxx.ywmc') } as unknown as Event);
    expect(state().mapping.picked).toEqual({ label: '英文名称', name: 'xmxx.ywmc' });
    const patch = mode.assign('project.nameEn')!;
    expect(patch.entries.map((e) => e.path)).toEqual(['project.nameEn']);
    expect(state().mapping.picked).toBeUndefined();
    await mode.save(patch);
    expect(await mode.load()).toEqual(patch);
    expect(saved.has('mapping:h/f')).toBe(true);
  });
});

describe('value sweep', () => {
  test('finds values set by script since last seen, radios and checkboxes by their state', () => {
    const map = locateFields(document, fieldMap);
    const sweep = createValueSweep();
    const controls = locatedControls(map);
    expect(controls).toContain(input('cydw[1].gbjf'));
    sweep.remember(controls);
    expect(sweep.changed(map)).toEqual([]);
    input('xmxx.jsrq').value = '2021-06-30';
    input('cydw[1].gbjf').value = '80';
    expect(sweep.changed(map)).toEqual([input('xmxx.jsrq'), input('cydw[1].gbjf')]);
    expect(sweep.changed(map)).toEqual([]);
    // a value typed (remembered) is not reported; one set by script before the page was located again still is
    input('xmxx.jsrq').value = '2021-07-31';
    sweep.remember([input('xmxx.jsrq')]);
    input('cydw[1].gbjf').value = '90';
    expect(sweep.changed(locateFields(document, fieldMap))).toEqual([input('cydw[1].gbjf')]);
  });

  test('the idle sweep looks at a share of the controls each time and at all of them in turn', () => {
    const map = locateFields(document, fieldMap);
    const sweep = createValueSweep();
    const controls = locatedControls(map).filter((c) => !(c instanceof HTMLSelectElement) && !isChoice(c));
    sweep.remember(locatedControls(map));
    for (const c of controls) c.value += '·';
    const share = 3;
    const found: Element[][] = [];
    for (let i = 0; i < Math.ceil(locatedControls(map).length / share); i++) found.push(sweep.changedNext(map, share));
    expect(found.every((f) => f.length <= share)).toBe(true);
    expect(new Set(found.flat())).toEqual(new Set(controls));
    // Round again from the first: nothing new; a value set meanwhile is found within one round.
    input('xmxx.jsrq').value = '2030-01-01';
    const again: Element[] = [];
    for (let i = 0; i < Math.ceil(locatedControls(map).length / share); i++)
      again.push(...sweep.changedNext(map, share));
    expect(again).toEqual([input('xmxx.jsrq')]);
  });
});

test('controlFor: a derived fact points at its source control, a list column at its first row', () => {
  const map = locateFields(document, fieldMap);
  expect(controlFor(map, 'project.durationMonths')).toBe(input('xmxx.jsrq'));
  expect(controlFor(map, 'units.1.name')).toBe(input('cydw[0].dwmc'));
  expect(controlFor(map, 'participants.name')).toBe(input('cydw[0].dwmc'));
  expect(controlFor(map, 'no.such.path')).toBeUndefined();
});
