import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import type { Finding } from '@/lib/engine/finding';
import { connectPanel, type PanelActions, servePanel, type ToPanel } from '@/lib/overlay/bridge';
import { initialState, type OverlayState } from '@/lib/overlay/state';
import { parsePack } from '@/lib/packs/parsePack';
import { emptyPatch } from '@/lib/portal/mapping';

const parsed = parsePack(JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/packs/mini.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const pack = parsed.pack;

const finding = (i: number, status: Finding['status']) =>
  ({ ruleId: `p/1.1/r${i}`, status, severity: 'error', fields: [], detail: [], missing: [] }) as unknown as Finding;

function pageSide() {
  let state: OverlayState = initialState(emptyPatch('most-gov-cn', 'service.most.gov.cn', '/apply'));
  const listeners = new Set<() => void>();
  const set = (patch: Partial<OverlayState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const actions = {
    setLang: vi.fn((lang: 'zh' | 'en') => set({ lang })),
    fieldValues: vi.fn(() => ({ 'project.nameZh': '项目' })),
    restore: vi.fn(async () => {
      throw new Error('页面拒绝');
    }),
  } as unknown as PanelActions;
  return {
    set,
    actions,
    source: {
      getState: () => state,
      subscribe: (l: () => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      mappable: [{ path: 'project.nameZh', title: '项目名称' }],
      applicationId: 'APP-1',
      actions,
    },
  };
}

/** Every message the page side posts on `port`, in order (still delivered). */
function recorded(port: MessagePort): ToPanel[] {
  const messages: ToPanel[] = [];
  const post = port.postMessage.bind(port);
  port.postMessage = (m: ToPanel) => {
    messages.push(m);
    post(m);
  };
  return messages;
}

test('the panel mirrors the page side’s state; a rule pack crosses once, then by its key', async () => {
  const { port1, port2 } = new MessageChannel();
  const page = pageSide();
  const messages = recorded(port1);
  const server = servePanel(port1, page.source, 'frame');
  const remote = await connectPanel(port2);
  expect(remote.mode).toBe('frame');
  expect(remote.applicationId).toBe('APP-1');
  expect(remote.mappable).toEqual([{ path: 'project.nameZh', title: '项目名称' }]);

  const updates = vi.fn();
  remote.subscribe(updates);
  page.set({ direction: { pack, direction: pack.directions[0]! } });
  page.set({ findings: [finding(0, 'fail')] });
  await vi.waitFor(() => expect(updates).toHaveBeenCalledTimes(2));
  expect(remote.getState().direction).toEqual({ pack, direction: pack.directions[0] });
  expect(messages.filter((m) => m.kind === 'pack')).toHaveLength(1);
  server.stop();
  port2.close();
});

test('layers cross once too: each later state names them by key and carries no rules', async () => {
  const { port1, port2 } = new MessageChannel();
  const page = pageSide();
  const messages = recorded(port1);
  const server = servePanel(port1, page.source, 'frame');
  const remote = await connectPanel(port2);
  const layer = { ...pack, id: 'institution-layer', version: 3, directions: [] };
  const updates = vi.fn();
  remote.subscribe(updates);
  page.set({ direction: { pack, direction: pack.directions[0]! }, layers: [layer] });
  for (let i = 0; i < 5; i++) page.set({ findings: [finding(i, 'pass')] });
  await vi.waitFor(() => expect(updates).toHaveBeenCalledTimes(6));
  expect(remote.getState().layers).toEqual([layer]);
  expect(remote.getState().direction).toEqual({ pack, direction: pack.directions[0] });
  const packs = messages.filter((m) => m.kind === 'pack').map((m) => m.key);
  expect(packs.sort()).toEqual(['institution-layer@3', `${pack.id}@${pack.version}`]);
  // The post that matched the direction names the packs by key and carries none of their rules.
  const matched = messages.filter((m) => m.kind === 'state')[1]!;
  expect(JSON.stringify(matched)).not.toContain(pack.directions[0]!.rules[0]!.id);
  expect(matched.kind === 'state' && matched.state).toMatchObject({
    direction: { packKey: `${pack.id}@${pack.version}`, code: pack.directions[0]!.code },
    layerKeys: ['institution-layer@3'],
  });
  // Each later post carries only what changed: the findings, not the direction, layers, packs or directions list.
  const later = messages.filter((m) => m.kind === 'state').at(-1)!;
  expect(later.kind === 'state' && Object.keys(later.state)).toEqual(['findings']);
  expect(remote.getState().lang).toBe('zh');

  page.set({ layers: [] });
  await vi.waitFor(() => expect(updates).toHaveBeenCalledTimes(7));
  expect(remote.getState().layers).toEqual([]);
  server.stop();
  port2.close();
});

test('commands run on the page side and answer; a failure comes back as an error, an unknown command does nothing', async () => {
  const { port1, port2 } = new MessageChannel();
  const page = pageSide();
  servePanel(port1, page.source, 'frame');
  const remote = await connectPanel(port2);
  await remote.run('setLang', 'en');
  expect(remote.getState().lang).toBe('en');
  await expect(remote.run('fieldValues')).resolves.toEqual({ 'project.nameZh': '项目' });
  await expect(remote.run('restore')).rejects.toThrow('页面拒绝');
  port2.postMessage({ kind: 'call', id: 99, command: 'stop', args: [] });
  await remote.run('setLang', 'zh'); // answered after the unknown one: it was ignored, not queued
  expect(page.actions.setLang).toHaveBeenCalledTimes(2);
  port1.close();
  port2.close();
});

test('events from the page side (a marker clicked, a submit with errors left) reach the panel in order', async () => {
  const { port1, port2 } = new MessageChannel();
  const server = servePanel(port1, pageSide().source, 'frame');
  const remote = await connectPanel(port2);
  const events: unknown[] = [];
  remote.onEvent((e) => events.push(e));
  server.notify({ name: 'show', ruleId: 'p/1.1/r1' });
  server.notify({ name: 'reminder' });
  await vi.waitFor(() => expect(events).toEqual([{ name: 'show', ruleId: 'p/1.1/r1' }, { name: 'reminder' }]));
  server.stop();
  port2.close();
});

test('the application never crosses with the state: the panel asks for it, and a change of it alone posts nothing', async () => {
  const { port1, port2 } = new MessageChannel();
  const page = pageSide();
  const application = { project: { nameZh: '某项目' } } as unknown as OverlayState['application'];
  (page.actions as unknown as { application: () => unknown }).application = vi.fn(
    () => page.source.getState().application,
  );
  const messages = recorded(port1);
  page.set({ application });
  const server = servePanel(port1, page.source, 'frame');
  const remote = await connectPanel(port2);
  expect('application' in remote.getState()).toBe(false);
  expect(JSON.stringify(messages)).not.toContain('某项目');

  const updates = vi.fn();
  remote.subscribe(updates);
  // A keystroke that changes only what the rules read (no finding, nothing shown): no post, no panel render.
  page.set({ application: { project: { nameZh: '某项目二' } } as unknown as OverlayState['application'] });
  page.set({ lang: 'en' });
  await vi.waitFor(() => expect(updates).toHaveBeenCalledTimes(1));
  const states = messages.filter((m) => m.kind === 'state');
  expect(states).toHaveLength(2);
  expect(states.at(-1)!.kind === 'state' && states.at(-1)!.state).toEqual({ lang: 'en' });
  // The report asks for it: the page side's current application comes back.
  await expect(remote.run('application')).resolves.toEqual({ project: { nameZh: '某项目二' } });
  server.stop();
  port2.close();
});

test('a keystroke that flips one verdict sends that finding alone; the panel holds the same list as the page side', async () => {
  const { port1, port2 } = new MessageChannel();
  const page = pageSide();
  const messages = recorded(port1);
  const findings = Array.from({ length: 10 }, (_, i) => finding(i, 'pass'));
  page.set({ findings });
  const server = servePanel(port1, page.source, 'frame');
  const remote = await connectPanel(port2);
  const updates = vi.fn();
  remote.subscribe(updates);

  const flipped = findings.map((f, i) => (i === 3 ? finding(3, 'fail') : f));
  page.set({ findings: flipped });
  await vi.waitFor(() => expect(updates).toHaveBeenCalledTimes(1));
  const last = messages.at(-1)!;
  expect(last.kind === 'state' && last.state).toEqual({ findingsAt: { length: 10, changed: [[3, flipped[3]]] } });
  expect(remote.getState().findings).toEqual(flipped);

  // Most verdicts changed, or the list shrank: the whole list crosses or the panel's is cut to length.
  const most = flipped.map((f, i) => (i < 8 ? finding(i, 'unknown') : f));
  page.set({ findings: most });
  await vi.waitFor(() => expect(updates).toHaveBeenCalledTimes(2));
  expect(messages.at(-1)!.kind === 'state' && Object.keys((messages.at(-1) as { state: object }).state)).toEqual([
    'findings',
  ]);
  // An equal list (a new array of the same findings) is no change: nothing crosses.
  page.set({ findings: [...most] });
  page.set({ findings: most.slice(0, 9) });
  await vi.waitFor(() => expect(updates).toHaveBeenCalledTimes(3));
  expect(remote.getState().findings).toEqual(most.slice(0, 9));
  expect(messages.filter((m) => m.kind === 'state')).toHaveLength(4);
  server.stop();
  port2.close();
});

test('the save indicator alone waits a moment (one post per pause, not two per key); it goes at once with anything else', async () => {
  const { port1, port2 } = new MessageChannel();
  const page = pageSide();
  const messages = recorded(port1);
  const findings = [finding(0, 'pass'), finding(1, 'pass')];
  page.set({ findings });
  const server = servePanel(port1, page.source, 'frame');
  const remote = await connectPanel(port2);
  const states = () => messages.filter((m) => m.kind === 'state').length;
  const first = states();

  vi.useFakeTimers();
  try {
    // An ordinary key: 保存中 crosses at once (已保存 must not stand for it). Its answer, and the next keys' 保存中
    // and answers, wait.
    page.set({ unsaved: 1 });
    expect(states()).toBe(first + 1);
    expect(messages.at(-1)).toEqual({ kind: 'state', state: { unsaved: 1 } });
    page.set({ unsaved: 0, lastSaved: { revision: 2, at: '2026-11-29T10:00:00Z' } });
    page.set({ unsaved: 1 });
    expect(states()).toBe(first + 1);
    // A key that flips a verdict: the finding crosses at once, and the indicator with it.
    const flipped = [finding(0, 'fail'), findings[1]!];
    page.set({ findings: flipped });
    expect(states()).toBe(first + 2);
    expect(messages.at(-1)).toEqual({
      kind: 'state',
      state: {
        findingsAt: { length: 2, changed: [[0, flipped[0]]] },
        lastSaved: { revision: 2, at: '2026-11-29T10:00:00Z' },
      },
    });
    page.set({ unsaved: 0, lastSaved: { revision: 3, at: '2026-11-29T10:00:01Z' } });
    vi.advanceTimersByTime(249);
    expect(states()).toBe(first + 2);
    vi.advanceTimersByTime(1);
    expect(states()).toBe(first + 3);
    expect(messages.at(-1)).toEqual({
      kind: 'state',
      state: { unsaved: 0, lastSaved: { revision: 3, at: '2026-11-29T10:00:01Z' } },
    });
  } finally {
    vi.useRealTimers();
  }
  await vi.waitFor(() => expect(remote.getState().lastSaved?.revision).toBe(3));
  server.stop();
  port2.close();
});
