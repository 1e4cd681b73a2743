// @vitest-environment happy-dom
// Issue 11: a state post that flips one finding redraws that finding's row and the counts, not the whole list.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '@/components/Panel';
import { emptyChecklist } from '@/lib/core/vocabulary';
import { evaluate, findDirection } from '@/lib/engine/evaluate';
import type { Finding } from '@/lib/engine/finding';
import { t } from '@/lib/i18n/messages';
import { initialState, type OverlayState } from '@/lib/overlay/state';
import { type FindingViewCache, overlayViewKeeper, type PanelView, toPanelView } from '@/lib/overlay/view';
import { emptyPatch } from '@/lib/portal/mapping';
import { application, pack } from '../report/fixtures';

// Every finding row asks for its 更多 label once per render: the calls count the rows React rendered.
vi.mock('@/lib/i18n/messages', async (original) => {
  const actual = await original<typeof import('@/lib/i18n/messages')>();
  return { ...actual, t: vi.fn(actual.t) };
});
const rowsRendered = () => vi.mocked(t).mock.calls.filter(([, id]) => id === 'itemMore').length;

const packId = '2019-intl-1';
const file = '1.1.fail.json';

function startState(): OverlayState {
  const rulePack = pack(packId);
  return {
    ...initialState(emptyPatch('apply', 'service.most.gov.cn', '/apply')),
    phase: 'ready',
    direction: { pack: rulePack, direction: findDirection(rulePack, '1.1')! },
    findings: evaluate(rulePack, '1.1', application(packId, file)),
    checklist: emptyChecklist(),
  };
}

/** The findings as the bridge delivers a keystroke that passes one rule: that finding a new object, the rest kept. */
function passing(state: OverlayState, ruleId: string): OverlayState {
  return {
    ...state,
    findings: state.findings.map((f): Finding => (f.ruleId === ruleId ? { ...f, status: 'pass', missing: [] } : f)),
  };
}

/** A state post that only says a change is on its way to the draft */
const saving = (state: OverlayState): OverlayState => ({ ...state, unsaved: (state.unsaved ?? 0) + 1 });

/** The form's titles, one map for the panel's life (OverlayApp makes it once) */
const titles = new Map<string, string>();

const failingCheck = (state: OverlayState) =>
  state.findings.find((f) => f.kind === 'check' && f.status === 'fail' && f.severity === 'warning')!;

describe('the panel view across state posts', () => {
  it('keeps the view object of every finding that did not change, and makes a new one for the one that did', () => {
    const cache: FindingViewCache = new WeakMap();
    const state = startState();
    const first = toPanelView(state, titles, cache);
    expect(toPanelView(saving(state), titles, cache).items).toEqual(first.items);
    const again = toPanelView(saving(state), titles, cache);
    expect(again.items.every((item, n) => item === first.items[n])).toBe(true);

    const flipped = failingCheck(state).ruleId;
    const next = toPanelView(passing(state, flipped), titles, cache);
    const renewed = next.items.filter((item) => !first.items.includes(item)).map((item) => item.ruleId);
    expect(renewed).toEqual([flipped]);
    expect(next.items.find((i) => i.ruleId === flipped)?.verdict).toBe('pass');
  });

  it('keeps the whole view across posts that change nothing it is drawn from, and only across those', () => {
    const viewOf = overlayViewKeeper();
    const state = startState();
    const first = viewOf(state, titles);
    const saved: OverlayState = { ...saving(state), lastSaved: { revision: 2, at: '2026-11-29T10:00:00.000Z' } };
    expect(viewOf(saving(state), titles)).toBe(first);
    expect(viewOf(saved, titles)).toBe(first);
    const held: OverlayState = { ...saved, held: { 'pi.name': { mine: '甲', theirs: '乙' } } };
    expect(viewOf(held, titles)).toBe(first);

    const flipped = failingCheck(state).ruleId;
    const next = viewOf(passing(saved, flipped), titles);
    expect(next).not.toBe(first);
    expect(next.panel.items.find((i) => i.ruleId === flipped)?.verdict).toBe('pass');
    expect(next.markers.map((m) => m.ruleId)).not.toContain(flipped);
    // Unchanged findings keep their items; the markers' texts are the items' messages.
    expect(next.panel.items.filter((i) => !first.panel.items.includes(i)).map((i) => i.ruleId)).toEqual([flipped]);
    for (const marker of next.markers)
      expect(marker.text).toBe(next.panel.items.find((i) => i.ruleId === marker.ruleId)?.message);
    expect(viewOf({ ...state, lang: 'en' }, titles).panel.lang).toBe('en');
    expect(viewOf({ ...state, collapsed: true }, titles).panel.collapsed).toBe(true);
    const acknowledged = { ...state.checklist, acknowledgements: { x: { reason: 'r', at: '2026-11-29' } } };
    expect(viewOf({ ...state, checklist: acknowledged }, titles)).not.toBe(viewOf(state, titles));
    expect(viewOf(state, new Map(titles))).not.toBe(viewOf(state, titles));
  });

  it('makes new views when what they show besides the finding changes: a reason given, the language', () => {
    const cache: FindingViewCache = new WeakMap();
    const state = startState();
    const warning = state.findings.find((f) => f.severity === 'warning' && f.status === 'fail');
    expect(warning).toBeDefined();
    const first = toPanelView(state, titles, cache);
    const acknowledged = toPanelView(
      {
        ...state,
        checklist: {
          ...state.checklist,
          acknowledgements: { [warning!.ruleId]: { reason: '已与处室确认', at: '2026-11-29T00:00:00Z' } },
        },
      },
      titles,
      cache,
    );
    const renewed = acknowledged.items.filter((item) => !first.items.includes(item));
    expect(renewed.map((i) => i.ruleId)).toEqual([warning!.ruleId]);
    expect(renewed[0]?.acknowledged?.reason).toBe('已与处室确认');

    const en = toPanelView({ ...state, lang: 'en' }, titles, cache);
    expect(en.items.some((item) => first.items.includes(item))).toBe(false);
  });
});

describe('the panel redraws only the rows whose finding changed', () => {
  let host: HTMLElement;
  let root: ReturnType<typeof createRoot>;
  const globals = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  beforeEach(() => {
    globals.IS_REACT_ACT_ENVIRONMENT = true;
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  // Callbacks as OverlayApp keeps them: the same functions from post to post.
  const noop = () => {};
  const done = async () => {};
  const handlers = { onConfirm: noop, onDocumentReady: noop, onAcknowledge: noop, onFocusField: noop };
  const owners = { names: {}, myName: '', onMyName: noop, onlyMine: false, onOnlyMine: noop, onAssign: noop };
  const props = (view: PanelView, saving = 0): PanelProps => ({
    ...handlers,
    view,
    owners,
    saveState: { saving },
    directions: [],
    width: 400,
    onToggleDock: noop,
    onChooseDirection: noop,
    onToggleLang: noop,
    onToggleCollapsed: noop,
    mapping: { active: false, fields: [], mappedCount: 0, onActivate: noop, onAssign: noop, onExport: noop },
    report: { onDownload: done, onPrint: done },
    drafts: { onRestore: noop, onDismissRestore: noop, onResolveConflict: noop },
    profiles: { load: async () => [], onFill: noop },
    // The menu stays closed: the share tools are never drawn.
    share: {} as PanelProps['share'],
  });
  const render = (p: PanelProps) => {
    vi.mocked(t).mockClear();
    act(() => root.render(<Panel {...p} />));
    return rowsRendered();
  };
  const row = (ruleId: string) => host.querySelector<HTMLElement>(`.gc-finding[data-rule="${CSS.escape(ruleId)}"]`)!;

  it('one flipped finding: its row (now among the passed) and the counts; a save-state post: no row', () => {
    const cache: FindingViewCache = new WeakMap();
    const state = startState();
    const first = toPanelView(state, titles, cache);
    expect(render(props(first))).toBe(first.items.length);
    expect(first.items.length).toBeGreaterThan(5);

    expect(render(props(toPanelView(saving(state), titles, cache), 1))).toBe(0);

    const flipped = failingCheck(state).ruleId;
    const warningsBefore = first.counts.warning;
    const unchanged = row(first.items.find((i) => i.ruleId !== flipped)!.ruleId);
    const flippedRow = row(flipped);
    expect(flippedRow.hidden).toBe(false);
    const next = toPanelView(passing(state, flipped), titles, cache);
    expect(render(props(next))).toBe(1);

    expect(row(flipped).className).toContain('gc-pass');
    // Folded among the passed (after 已通过 N 项, not shown), and the same element: moved, not rebuilt.
    expect(row(flipped)).toBe(flippedRow);
    expect(row(flipped).hidden).toBe(true);
    expect(row(flipped).dataset.folded).toBe('true');
    const fold = host.querySelector<HTMLElement>('[data-testid="gc-passed"]')!;
    expect(fold.compareDocumentPosition(row(flipped)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    act(() => fold.querySelector('button')!.click());
    expect(row(flipped).hidden).toBe(false);
    expect(fold.querySelector('button')!.getAttribute('aria-expanded')).toBe('true');
    expect(host.querySelector('.gc-count.gc-warning b')?.textContent).toBe(String(warningsBefore - 1));
    // An unchanged row is the same element: moved at most, never rebuilt.
    expect(row(unchanged.dataset.rule!)).toBe(unchanged);
  });

  it('a check failing again moves up alone: the rows it passes stay where they are, the list in reading order', () => {
    const cache: FindingViewCache = new WeakMap();
    const state = startState();
    const flipped = failingCheck(state).ruleId;
    const passed = passing(state, flipped);
    render(props(toPanelView(passed, titles, cache)));
    const list = host.querySelector('[data-testid="gc-findings"]')!;
    const keyOf = (li: Element) => (li as HTMLElement).dataset.rule ?? 'fold';
    const before = Array.from(list.children, keyOf);
    const moved: string[] = [];
    const collect = (records: MutationRecord[]) => {
      for (const r of records) for (const node of r.addedNodes) moved.push(keyOf(node as Element));
    };
    const observer = new MutationObserver(collect);
    observer.observe(list, { childList: true });

    const failing = toPanelView({ ...passed, findings: state.findings }, titles, cache);
    render(props(failing));
    collect(observer.takeRecords());
    observer.disconnect();
    const after = Array.from(list.children, keyOf);
    // It passed rows on its way up (else this test proves nothing), and only it was moved.
    expect(after.indexOf(flipped)).toBeLessThan(before.indexOf(flipped) - 1);
    expect(moved).toEqual([flipped]);
    // Reading order: the listed items as the view orders them, then the fold, then the passed checks.
    const settled = (i: PanelView['items'][number]) => i.kind === 'check' && (i.verdict === 'pass' || !!i.acknowledged);
    expect(after).toEqual([
      ...failing.items.filter((i) => !settled(i)).map((i) => i.ruleId),
      'fold',
      ...failing.items.filter(settled).map((i) => i.ruleId),
    ]);
    expect(row(flipped).hidden).toBe(false);
  });

  it('keeps the list in reading order when a filter takes rows out and puts them back, and across flips', () => {
    const cache: FindingViewCache = new WeakMap();
    const state = startState();
    const flipped = failingCheck(state).ruleId;
    const passed = passing(state, flipped);
    const order = () =>
      Array.from(host.querySelector('[data-testid="gc-findings"]')!.children, (li) => (li as HTMLElement).dataset.rule);
    const settled = (i: PanelView['items'][number]) => i.kind === 'check' && (i.verdict === 'pass' || !!i.acknowledged);
    const reading = (view: PanelView) => [
      ...view.items.filter((i) => !settled(i)).map((i) => i.ruleId),
      undefined,
      ...view.items.filter(settled).map((i) => i.ruleId),
    ];
    for (const s of [state, passed, state, passed]) {
      const view = toPanelView(s, titles, cache);
      render(props(view));
      expect(order()).toEqual(reading(view));
      const warnings = host.querySelector<HTMLButtonElement>('.gc-count.gc-warning')!;
      act(() => warnings.click());
      expect(order()).toEqual(
        view.items.filter((i) => i.verdict === 'warning' && !i.acknowledged).map((i) => i.ruleId),
      );
      act(() => warnings.click());
      expect(order()).toEqual(reading(view));
    }
  });

  it('a jump to a field pressed with the mouse leaves focus on the page and asks for the finding’s fields', () => {
    const state = startState();
    const view = toPanelView(state, titles, new WeakMap());
    const asked: string[][] = [];
    render({ ...props(view), onFocusField: (paths) => asked.push(paths) });
    const item = view.items.find((i) => i.fields.length > 0)!;
    const title = row(item.ruleId).querySelector<HTMLButtonElement>('.gc-finding-title')!;
    // The panel frame must not take focus: it would arrive after the page side focused the field, and take it back.
    const pressed = title.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    expect(pressed).toBe(false);
    act(() => title.click());
    expect(asked).toEqual([item.fields]);
  });
});
