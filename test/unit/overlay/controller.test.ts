// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { AutosaveHello, AutosaveMessage, AutosaveReply, RequestInput } from '@/lib/messages/protocol';
import { createOverlayController, type DraftChannel, type MappingStore } from '@/lib/overlay/controller';
import type { FieldMapPatch } from '@/lib/portal/mapping';
import { toMarkers, toPanelView } from '@/lib/overlay/view';
import { parsePack } from '@/lib/packs/parsePack';
import { type ActivePack, indexEntry } from '@/lib/packs/origin';
import type { RulePack } from '@/lib/packs/schema';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

const fixtures = join(import.meta.dirname, '../../fixtures');
const form = readFileSync(join(fixtures, 'portal/form.html'), 'utf8');
const parsed = parsePack(JSON.parse(readFileSync(join(fixtures, 'packs/mini.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const pack: RulePack = parsed.pack;
const fieldMap = fieldMapJson as unknown as FieldMap;
/** The packs in use as the background hands them over: the mini guideline, bundled. */
const inUse: ActivePack[] = [
  { pack, origin: 'bundled', sourceName: '扩展内置 / bundled', expired: false, stale: false, staleDays: 0 },
];

/** The background's answers about packs (the index, one whole pack by id); undefined for any other request. */
function packAnswer(active: ActivePack[], request: RequestInput) {
  if (request.type === 'getPacks') return { ok: true, value: active.map(indexEntry) };
  if (request.type !== 'getPack') return undefined;
  const found = active.find((a) => a.pack.id === request.id);
  return found ? { ok: true, value: found } : { ok: false, error: `unknown pack ${request.id}` };
}

function memoryMappings(): MappingStore & { saved: Map<string, FieldMapPatch> } {
  const saved = new Map<string, FieldMapPatch>();
  return { saved, get: async (key) => saved.get(key), set: async (key, patch) => void saved.set(key, patch) };
}

function setup(mappings = memoryMappings()) {
  const posted: AutosaveMessage[] = [];
  const channel: DraftChannel = { post: (m) => keepChanges(posted, m), onMessage: () => {}, onReconnect: () => {} };
  const send = vi.fn(async (request: RequestInput) => packAnswer(inUse, request) ?? { ok: false, error: 'unexpected' });
  const controller = createOverlayController({ doc: document, fieldMap, send, channel, mappings });
  return { controller, posted, send, mappings };
}

/** As setup, with the background's answers to the draft's changes given by the test (`reply`). */
function setupAnswered() {
  const answer: { to: (m: AutosaveReply) => void } = { to: () => {} };
  const posted: AutosaveMessage[] = [];
  const channel: DraftChannel = {
    post: (m) => keepChanges(posted, m),
    onMessage: (fn) => {
      answer.to = fn;
    },
    onReconnect: () => {},
  };
  const send = async (request: RequestInput) => packAnswer(inUse, request) ?? { ok: true, value: null };
  const controller = createOverlayController({ doc: document, fieldMap, send, channel, mappings: memoryMappings() });
  return { controller, posted, reply: (m: AutosaveReply) => answer.to(m) };
}

/** The draft changes posted (the hello that registers the tab is left out). */
function keepChanges(posted: AutosaveMessage[], m: AutosaveMessage | AutosaveHello) {
  if (m.type === 'draftChanges') posted.push(m);
}

function type(name: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  document.body.innerHTML = form;
  for (const option of Array.from(document.querySelectorAll<HTMLOptionElement>('option[selected]')))
    option.selected = true;
});
afterEach(() => vi.restoreAllMocks());

const durationRule = 'test-mini/1.7/duration-max-2y';
const statusOf = (findings: { ruleId: string; status: string }[], id: string) =>
  findings.find((f) => f.ruleId === id)?.status;

/** rules/examples/institution-2026.json with its `extends` aimed at the mini guideline's 1.7. */
function institutionLayer(): RulePack {
  const json = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../rules/examples/institution-2026.json'), 'utf8'),
  );
  json.extends[0].pack = 'test-mini';
  const result = parsePack(json);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

test('an institution’s layer adds its general conditions to the matched direction; each finding names its pack and source', async () => {
  const layer = institutionLayer();
  // Another guideline's pack-wide rule applies to that guideline only, never to this one.
  const other = structuredClone(pack);
  Object.assign(other, {
    id: 'other-guideline',
    rules: [{ ...pack.directions[0]!.rules[0]!, id: 'other-guideline/*/x' }],
  });
  const active: ActivePack[] = [
    ...inUse,
    { pack: layer, origin: 'policy', sourceName: '科研处规则源', expired: false, stale: true, staleDays: 14 },
    { pack: other, origin: 'user', sourceName: '某人', expired: true, stale: false, staleDays: 14 },
  ];
  document.querySelector<HTMLInputElement>('[name="fzr.csrq"]')!.value = '1960/5/1';
  const send = async (request: RequestInput) => packAnswer(active, request) ?? { ok: true, value: null };
  const posted: AutosaveMessage[] = [];
  const channel: DraftChannel = { post: (m) => keepChanges(posted, m), onMessage: () => {}, onReconnect: () => {} };
  const controller = createOverlayController({ doc: document, fieldMap, send, channel, mappings: memoryMappings() });
  await controller.start();
  const state = controller.getState();
  const born = 'example-institution-2026/*/pi-born-on-or-after-1965-01-01';
  const added = 'example-institution-2026/2019-intl-1-1.7/internal-deadline-agreement';
  const byId = new Map(state.findings.map((f) => [f.ruleId, f]));
  // The guideline's own findings stay; the layer's general conditions and its added 1.7 rule come beside them.
  expect(byId.get(durationRule)).toMatchObject({ status: 'fail', pack: 'test-mini' });
  expect(byId.get(born)).toMatchObject({ status: 'fail', pack: 'example-institution-2026', severity: 'error' });
  expect(byId.get(added)).toMatchObject({ status: 'confirm', pack: 'example-institution-2026' });
  expect(state.findings.filter((f) => f.pack === 'example-institution-2026')).toHaveLength(6);
  expect(state.findings.some((f) => f.ruleId.startsWith('other-guideline'))).toBe(false);

  const view = toPanelView(state);
  const item = view.items.find((i) => i.ruleId === born)!;
  expect(item.title).toBe('项目负责人 1965年1月1日（含）以后出生');
  expect(item.message).toBe('项目负责人出生日期 1960-05-01，早于 1965-01-01');
  expect(item.layer).toEqual({ packTitle: layer.title.zh });
  expect(item.source).toBe(`规则来源：${layer.title.zh} · 第 1 版 · 单位规则源「科研处规则源」`);
  const own = view.items.find((i) => i.ruleId === durationRule)!;
  expect(own.layer).toBeUndefined();
  expect(own.source).toBe(`规则来源：${pack.title.zh} · 第 ${pack.version} 版 · 扩展内置`);
  // The panel names the packs it applies (not the other guideline's), and flags the stale feed.
  expect(view.packs).toEqual([
    { id: 'test-mini', line: `${pack.title.zh} · 第 ${pack.version} 版 · 扩展内置`, warnings: [] },
    {
      id: 'example-institution-2026',
      line: `${layer.title.zh} · 第 1 版 · 单位规则源「科研处规则源」`,
      warnings: ['规则源已超过 14 天没有新的签名时间戳，规则可能不是最新'],
    },
  ]);
  expect(view.packsFlag).toBe('规则可能不是最新');
  controller.setLang('en');
  const en = toPanelView(controller.getState());
  expect(en.packs[1]!.line).toBe(`${layer.title.en} · version 1 · institution policy feed “科研处规则源”`);
  // Before a direction is known every pack in use is listed, the expired one flagged.
  const none = toPanelView({ ...state, direction: undefined, layers: [] });
  expect(none.packs.map((p) => [p.id, p.warnings.length])).toEqual([
    ['test-mini', 0],
    ['example-institution-2026', 1],
    ['other-guideline', 1],
  ]);
  expect(none.packsFlag).toBe('规则已过期');
  expect(none.packs[2]!.warnings[0]).toMatch(/^规则已过期（有效期至 \d{4}-\d{2}-\d{2}），请检查更新$/);
  controller.stop();
});

test('finds the direction on the page and evaluates its rules', async () => {
  const { controller } = setup();
  await controller.start();
  const state = controller.getState();
  expect(state.phase).toBe('ready');
  expect(state.direction?.direction.code).toBe('1.7');
  // 2020-01-01 … 2022-12-31 is 36 months: over the 24 allowed
  expect(statusOf(state.findings, durationRule)).toBe('fail');
  const view = toPanelView(state);
  expect(view.heading).toEqual({ code: '1.7', title: '中国和奥地利政府间科技合作项目' });
  const item = view.items.find((i) => i.ruleId === durationRule)!;
  expect(item.message).toBe('执行期 36 个月，本方向要求不超过 24 个月');
  expect(item.quote).toBe('项目执行期原则上不超过 2年。');
  const marker = toMarkers(state).find((m) => m.ruleId === durationRule)!;
  // placed at the deciding value's source: durationMonths shows on the end date
  expect(marker.paths).toEqual(['project.durationMonths', 'project.startDate', 'project.endDate']);
  expect(controller.controlFor(marker.paths[0]!)?.getAttribute('name')).toBe('xmxx.jsrq');
  controller.stop();
});

test('the warning disappears as the user corrects the end date, and only rules reading it run again', async () => {
  const { controller } = setup();
  await controller.start();
  const before = controller.getState().findings;
  type('xmxx.jsrq', '2021-12-31');
  const after = controller.getState().findings;
  expect(statusOf(after, durationRule)).toBe('pass');
  // Rules that do not read the dates keep their very finding objects
  const untouched = after.filter((f) => !f.fields.some((p) => p.startsWith('project.')));
  expect(untouched.length).toBeGreaterThan(0);
  for (const f of untouched) expect(before).toContain(f);
  controller.stop();
});

test('a keystroke that flips a rule is told once, already saving; its change is posted right after, in the same task', async () => {
  const { controller, posted, reply } = setupAnswered();
  await controller.start();
  const last = posted.at(-1)!;
  reply({ type: 'saved', key: controller.draftKey, revision: 1, at: 't', writer: last.writer, seq: last.seq });
  expect(controller.getState().unsaved).toBe(0);
  const told: { status?: string; unsaved?: number; posted: number }[] = [];
  controller.subscribe(() => {
    const s = controller.getState();
    told.push({ status: statusOf(s.findings, durationRule), unsaved: s.unsaved, posted: posted.length });
  });
  const before = posted.length;
  type('xmxx.jsrq', '2021-12-31');
  // The panel never shows the new finding beside a save state from before the change (a stale 已保存), and it hears
  // before the save's message leaves, so the worker's commit does not compete with the panel's update.
  expect(told).toEqual([{ status: 'pass', unsaved: 1, posted: before }]);
  expect(posted).toHaveLength(before + 1);
  expect(posted.at(-1)!.fields).toEqual({ 'project.endDate': '2021-12-31' });
  controller.stop();
});

test('a page without a draft starts one with what it shows; then every change is posted at once, only what changed', async () => {
  const { controller, posted } = setup();
  await controller.start();
  expect(posted).toHaveLength(1);
  expect(posted[0]).toMatchObject({
    type: 'draftChanges',
    key: 'http://localhost:3000|SQ2019YFE0100123',
    applicationId: 'SQ2019YFE0100123',
    guideline: 'test-mini',
    direction: '1.7',
  });
  expect(posted[0]!.fields['project.nameZh']).toBe('中奥量子通信合作研究');
  expect(Object.values(posted[0]!.fields)).not.toContain('');
  type('xmxx.xmmc', '新的项目名称');
  type('xmxx.xmmc', '新的项目名称2');
  expect(posted.slice(1).map((p) => p.fields)).toEqual([
    { 'project.nameZh': '新的项目名称' },
    { 'project.nameZh': '新的项目名称2' },
  ]);
  controller.stop();
});

test('a visit that types nothing leaves no draft; the first value typed starts it, with what was read meanwhile', async () => {
  for (const c of Array.from(document.querySelectorAll('input'))) {
    c.checked = false;
    c.value = '';
  }
  for (const t of Array.from(document.querySelectorAll('textarea'))) t.value = '';
  for (const s of Array.from(document.querySelectorAll('select'))) s.selectedIndex = -1;
  const { controller, posted } = setup();
  await controller.start();
  // a section arriving empty is no reason either
  document.body.insertAdjacentHTML('beforeend', '<label>备注<input name="extra.note"></label>');
  await new Promise((r) => setTimeout(r, 50));
  expect(posted).toEqual([]);
  type('xmxx.xmmc', '新');
  expect(posted).toHaveLength(1);
  expect(posted[0]!.fields['project.nameZh']).toBe('新');
  expect(posted[0]!.fields['~sections']).toBeDefined(); // the bookkeeping read on arrival goes with it
  controller.stop();
});

test('after a portal timeout the empty page never empties the draft: a restore is offered and fills the page', async () => {
  const saved = {
    revision: 7,
    updatedAt: '2026-11-20T08:00:00.000Z',
    guideline: 'test-mini',
    direction: '1.7',
    fields: { 'project.nameZh': '已保存的项目名称', 'project.endDate': '2021-12-31', 'xmxx.bz': '' },
    checklist: { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} },
  };
  document.querySelector<HTMLInputElement>('[name="xmxx.xmmc"]')!.value = '';
  const posted: AutosaveMessage[] = [];
  const channel: DraftChannel = { post: (m) => keepChanges(posted, m), onMessage: () => {}, onReconnect: () => {} };
  const send = async (request: RequestInput) =>
    packAnswer(inUse, request) ??
    (request.type === 'getDraft' ? { ok: true, value: saved } : { ok: false, error: 'unexpected' });
  const controller = createOverlayController({ doc: document, fieldMap, send, channel, mappings: memoryMappings() });
  await controller.start();
  expect(posted).toEqual([]);
  expect(controller.getState().restoreOffer).toEqual({ count: 2, updatedAt: saved.updatedAt });
  type('xmxx.ywmc', 'English title');
  // each change carries what this tab knew the draft to hold for that field (absent: null)
  expect(posted.map((p) => [p.fields, p.bases])).toEqual([
    [{ 'project.nameEn': 'English title' }, { 'project.nameEn': null }],
  ]);

  await controller.restore();
  expect(document.querySelector<HTMLInputElement>('[name="xmxx.xmmc"]')!.value).toBe('已保存的项目名称');
  expect(document.querySelector<HTMLInputElement>('[name="xmxx.jsrq"]')!.value).toBe('2021-12-31');
  expect(controller.getState().fillResult?.report.filled.sort()).toEqual(['project.endDate', 'project.nameZh']);
  expect(statusOf(controller.getState().findings, durationRule)).toBe('pass');
  controller.stop();
});

test('a field another tab changed too is held for the user’s choice; other fields are saved meanwhile', async () => {
  const { controller, posted, reply } = setupAnswered();
  await controller.start();
  const key = controller.draftKey;
  type('xmxx.xmmc', '本页的名称');
  const writer = posted.at(-1)!.writer;
  reply({
    type: 'saved',
    key,
    revision: 3,
    at: 't',
    writer,
    seq: posted.at(-1)!.seq,
    held: { 'project.nameZh': '另一标签页的名称' },
  });
  expect(controller.getState().held).toEqual({ 'project.nameZh': { mine: '本页的名称', theirs: '另一标签页的名称' } });
  type('xmxx.ywmc', 'typed meanwhile');
  expect(posted.at(-1)!.fields).toEqual({ 'project.nameEn': 'typed meanwhile' });

  await controller.resolveConflict('mine');
  const last = posted.at(-1)!;
  expect(last.fields).toEqual({ 'project.nameZh': '本页的名称' });
  expect(last.bases?.['project.nameZh']).toBe('另一标签页的名称');
  expect(controller.getState().held).toEqual({});
  controller.stop();
});

test('a failure to load rules is shown, not thrown into the page', async () => {
  const channel: DraftChannel = { post: () => {}, onMessage: () => {}, onReconnect: () => {} };
  const controller = createOverlayController({
    doc: document,
    fieldMap,
    send: async () => ({ ok: false, error: '规则包无效' }),
    channel,
    mappings: memoryMappings(),
  });
  await controller.start();
  expect(controller.getState()).toMatchObject({ phase: 'error', error: '规则包无效' });
});

test('the panel lists what the page lacks', async () => {
  const { controller } = setup();
  await controller.start();
  expect(toPanelView(controller.getState()).missing).toContain('pi.email');
});

test('confirming an item, marking a document ready and acknowledging a warning are kept with the draft', async () => {
  const { controller, posted } = setup();
  await controller.start();
  const confirmRule = 'test-mini/1.7/both-sides-apply';
  const documentRule = 'test-mini/1.7/ip-agreement';
  expect(statusOf(controller.getState().findings, confirmRule)).toBe('confirm');
  controller.confirm(confirmRule, { note: '奥方已在 FWF 提交' });
  expect(statusOf(controller.getState().findings, confirmRule)).toBe('pass');
  controller.setDocumentReady(documentRule, true);
  expect(statusOf(controller.getState().findings, documentRule)).toBe('pass');
  const last = posted.at(-1)!;
  expect(last.checklist?.confirmations[confirmRule]).toMatchObject({ note: '奥方已在 FWF 提交' });
  expect(last.checklist?.documents[documentRule]).toMatchObject({ ready: true });

  const warning = controller.getState().findings.find((f) => f.status === 'fail' && f.severity === 'warning');
  if (warning) {
    const before = toPanelView(controller.getState()).counts.warning;
    controller.acknowledge(warning.ruleId, '已与专业机构沟通');
    expect(toPanelView(controller.getState()).counts.warning).toBe(before - 1);
    expect(toMarkers(controller.getState()).map((m) => m.ruleId)).not.toContain(warning.ruleId);
    expect(posted.at(-1)!.checklist?.acknowledgements[warning.ruleId]).toMatchObject({ reason: '已与专业机构沟通' });
  }
  controller.stop();
});

test('a direction chosen by hand is used when the page shows none; its pack is fetched only then', async () => {
  document.querySelector<HTMLSelectElement>('[name="xmxx.znfx"]')!.selectedIndex = 0;
  const { controller, send } = setup();
  await controller.start();
  expect(controller.getState().direction).toBeUndefined();
  expect(toPanelView(controller.getState()).hint).toBe('请在表单中选择指南方向');
  // The panel offers the directions from the index alone: no rules fetched yet.
  expect(controller.getState().directions.map((d) => d.code)).toEqual(pack.directions.map((d) => d.code));
  expect(send.mock.calls.map(([r]) => r.type)).not.toContain('getPack');
  controller.chooseDirection({ packId: 'test-mini', code: '1.8' });
  await vi.waitFor(() => expect(controller.getState().direction?.direction.code).toBe('1.8'));
  expect(send.mock.calls.filter(([r]) => r.type === 'getPack').map(([r]) => r)).toEqual([
    { type: 'getPack', id: 'test-mini' },
  ]);
  controller.stop();
});

test('the content script fetches only the packs of the direction it found, by key', async () => {
  const layer = institutionLayer();
  const other = structuredClone(pack);
  Object.assign(other, { id: 'other-guideline', title: { zh: '另一指南', en: 'Another guideline' } });
  const active: ActivePack[] = [
    ...inUse,
    { pack: layer, origin: 'policy', sourceName: '科研处规则源', expired: false, stale: false, staleDays: 14 },
    { pack: other, origin: 'user', sourceName: '某人', expired: false, stale: false, staleDays: 14 },
  ];
  const requests: RequestInput[] = [];
  const send = async (request: RequestInput) => {
    requests.push(request);
    return packAnswer(active, request) ?? { ok: true, value: null };
  };
  const channel: DraftChannel = { post: () => {}, onMessage: () => {}, onReconnect: () => {} };
  const controller = createOverlayController({ doc: document, fieldMap, send, channel, mappings: memoryMappings() });
  await controller.start();
  // Ready means evaluated: the guideline's and the layer's findings are there at once.
  expect(controller.getState().phase).toBe('ready');
  expect(statusOf(controller.getState().findings, durationRule)).toBe('fail');
  expect(controller.getState().layers.map((p) => p.id)).toEqual(['example-institution-2026']);
  expect(requests.filter((r) => r.type === 'getPack').map((r) => r.type === 'getPack' && r.id)).toEqual([
    'test-mini',
    'example-institution-2026',
  ]);
  expect(controller.getState().packs.map((p) => p.id)).toEqual([
    'test-mini',
    'example-institution-2026',
    'other-guideline',
  ]);
  controller.stop();
});

test('a pack the background cannot send is said in the panel, and fetched again at the next change', async () => {
  let refuse = true;
  const send = vi.fn(async (request: RequestInput) =>
    request.type === 'getPack' && refuse
      ? { ok: false, error: 'Could not establish connection. Receiving end does not exist.' }
      : (packAnswer(inUse, request) ?? { ok: true, value: null }),
  );
  const channel: DraftChannel = { post: () => {}, onMessage: () => {}, onReconnect: () => {} };
  const controller = createOverlayController({ doc: document, fieldMap, send, channel, mappings: memoryMappings() });
  await controller.start();
  expect(controller.getState()).toMatchObject({ phase: 'error', error: expect.stringContaining('后台暂时没有响应') });
  refuse = false;
  type('xmxx.ywmc', 'typed after the worker came back');
  await vi.waitFor(() => expect(controller.getState().phase).toBe('ready'));
  expect(controller.getState().direction?.direction.code).toBe('1.7');
  controller.stop();
});

test('mapping mode: a field under an unknown label is pointed at, used at once, saved for the host and form', async () => {
  // The page calls its dates 研究起止时间: the field map does not know that label
  for (const td of document.querySelectorAll('td.label'))
    if (td.textContent === '执行期限') td.textContent = '研究起止时间';
  const { controller, mappings } = setup();
  await controller.start();
  expect(controller.getState().missing).toEqual(expect.arrayContaining(['project.startDate', 'project.endDate']));
  expect(statusOf(controller.getState().findings, durationRule)).toBe('unknown');

  controller.setMappingActive(true);
  const pick = async (name: string, path: string) => {
    document.querySelector(`[name="${name}"]`)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(controller.getState().mapping.picked).toEqual({ label: '研究起止时间', name });
    await controller.assignPicked(path);
  };
  await pick('xmxx.ksrq', 'project.startDate');
  await pick('xmxx.jsrq', 'project.endDate');
  expect(controller.getState().missing).not.toContain('project.startDate');
  expect(statusOf(controller.getState().findings, durationRule)).toBe('fail');
  const saved = [...mappings.saved.entries()];
  expect(saved).toHaveLength(1);
  expect(saved[0]![1].entries).toEqual([
    { path: 'project.startDate', name: 'xmxx.ksrq', label: '研究起止时间', scope: '基本信息' },
    { path: 'project.endDate', name: 'xmxx.jsrq', label: '研究起止时间', scope: '基本信息' },
  ]);
  controller.stop();

  // The next visit uses the saved mapping from the start
  const again = setup(mappings).controller;
  await again.start();
  expect(statusOf(again.getState().findings, durationRule)).toBe('fail');
  again.stop();
});

test('a participant row added by the page is read once the page has added it', async () => {
  const { controller, posted } = setup();
  await controller.start();
  expect(controller.getState().application?.participants).toHaveLength(2);
  const table = document.getElementById('cydw')!;
  const row = table.querySelector('tr:last-child')!.cloneNode(true) as HTMLTableRowElement;
  for (const input of row.querySelectorAll('input')) input.value = '';
  row.querySelector<HTMLInputElement>('input')!.value = '新增合作企业';
  table.querySelector('tbody')?.append(row) ?? table.append(row);
  await new Promise((r) => setTimeout(r, 0));
  expect(controller.getState().application?.participants.map((p) => p.name)).toEqual([
    '某某科技有限公司',
    '某研究所',
    '新增合作企业',
  ]);
  expect(posted.at(-1)!.fields['participants.2.name']).toBe('新增合作企业');
  controller.stop();
});

test('a date picker that writes .value without events is seen when focus moves, and the rules reading it run again', async () => {
  const { controller, posted } = setup();
  await controller.start();
  expect(statusOf(controller.getState().findings, durationRule)).toBe('fail');
  const end = document.querySelector<HTMLInputElement>('[name="xmxx.jsrq"]')!;
  end.value = '2021-12-31'; // the widget's own write: no input, no change
  end.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  await vi.waitFor(() => expect(statusOf(controller.getState().findings, durationRule)).toBe('pass'));
  expect(posted.at(-1)!.fields['project.endDate']).toBe('2021-12-31');
  controller.stop();
});
