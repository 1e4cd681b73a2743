// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { emptyChecklist } from '@/lib/core/vocabulary';
import { evaluate, findDirection } from '@/lib/engine/evaluate';
import { createFallbackPanel } from '@/lib/overlay/fallbackPanel';
import { ANSWER_MS, LOAD_MS, answerWatch } from '@/lib/overlay/panelFrame';
import { type OverlayState, initialState } from '@/lib/overlay/state';
import { toPanelView } from '@/lib/overlay/view';
import { emptyPatch } from '@/lib/portal/mapping';
import type { PanelMode } from '@/lib/messages/protocol';
import { application, pack } from '../report/fixtures';

describe('the frame has ANSWER_MS to answer after each load', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const watch = () => {
    const modes: PanelMode[] = [];
    return { modes, answer: answerWatch(window, ANSWER_MS, (m) => modes.push(m)) };
  };

  test('a load left unanswered turns to the reduced panel, only once the wait is over', () => {
    const { modes, answer } = watch();
    answer.loading();
    vi.advanceTimersByTime(ANSWER_MS - 1);
    expect(modes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(modes).toEqual(['fallback']);
  });

  test('an answer in time keeps the frame; a reload (the page took it out) starts a new wait', () => {
    const { modes, answer } = watch();
    answer.loading();
    vi.advanceTimersByTime(ANSWER_MS - 1);
    answer.answered();
    vi.advanceTimersByTime(ANSWER_MS * 2);
    expect(modes).toEqual(['frame']);
    answer.loading(); // put back: the frame loads again and must answer again
    vi.advanceTimersByTime(ANSWER_MS);
    expect(modes).toEqual(['frame', 'fallback']);
  });

  test('before its first load the frame gets the longer LOAD_MS (our page may be slow to start)', () => {
    const { modes, answer } = watch();
    answer.loading(LOAD_MS);
    vi.advanceTimersByTime(LOAD_MS - 1);
    expect(modes).toEqual([]);
    answer.loading(); // loaded (a refused frame's error page loads at once): from now ANSWER_MS
    vi.advanceTimersByTime(ANSWER_MS);
    expect(modes).toEqual(['fallback']);
  });

  test('each load restarts the wait: a frame that loads twice is judged from its last load', () => {
    const { modes, answer } = watch();
    answer.loading();
    vi.advanceTimersByTime(ANSWER_MS - 100);
    answer.loading();
    vi.advanceTimersByTime(ANSWER_MS - 100);
    expect(modes).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(modes).toEqual(['fallback']);
  });

  test('a late answer (a slow machine) brings the frame back; after stop nothing changes', () => {
    const { modes, answer } = watch();
    answer.loading();
    vi.advanceTimersByTime(ANSWER_MS);
    answer.answered();
    expect(modes).toEqual(['fallback', 'frame']);
    answer.loading();
    answer.stop();
    vi.advanceTimersByTime(ANSWER_MS * 2);
    expect(modes).toEqual(['fallback', 'frame']);
  });
});

/** The overlay's state for a failing fixture application, as the controller computes it. */
function failingState(): OverlayState {
  const rulePack = pack('2019-intl-1');
  const direction = findDirection(rulePack, '1.2')!;
  return {
    ...initialState(emptyPatch('apply', 'service.most.gov.cn', '/apply')),
    phase: 'ready',
    direction: { pack: rulePack, direction },
    findings: evaluate(rulePack, '1.2', application('2019-intl-1', '1.2.fail.json')),
    checklist: emptyChecklist(),
  };
}

describe('the reduced panel', () => {
  afterEach(() => document.body.replaceChildren());

  const mount = (state: OverlayState) => {
    const container = document.createElement('div');
    document.body.append(container);
    const controller = { getState: () => state, setCollapsed: vi.fn() };
    const panel = createFallbackPanel(container, controller);
    panel.draw('right', 360);
    return { panel, controller, text: () => panel.box.textContent ?? '' };
  };

  test('says its mode in Chinese and English and lists every item the full panel would flag, errors first', () => {
    const state = failingState();
    const { panel, text } = mount(state);
    expect(text()).toContain('面板模式：页面内受限面板（扩展框架被阻止）');
    expect(text()).toContain('Panel mode: reduced panel in the page');
    expect(text()).toContain(`${state.direction!.direction.code} ${state.direction!.direction.title.zh}`);
    const flagged = toPanelView(state).items.filter((i) => i.verdict !== 'pass' && i.verdict !== 'na');
    expect(flagged.some((i) => i.verdict === 'error')).toBe(true);
    const lines = [...panel.box.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(lines).toHaveLength(flagged.length);
    for (const item of flagged) expect(lines.some((l) => l.includes(item.message))).toBe(true);
    const firstNonError = lines.findIndex((l) => !l.startsWith('错误'));
    expect(lines.slice(firstNonError).some((l) => l.startsWith('错误'))).toBe(false);
    expect(panel.box.style.width).toBe('360px');
    expect(panel.box.style.right).toBe('0px');
  });

  test('an acknowledged warning is no longer listed', () => {
    const state = failingState();
    const warning = state.findings.find((f) => f.status === 'fail' && f.severity === 'warning');
    expect(warning).toBeDefined();
    const before = mount(state).panel.box.querySelectorAll('li').length;
    document.body.replaceChildren();
    const acknowledged = {
      ...state,
      checklist: { ...state.checklist, acknowledgements: { [warning!.ruleId]: { reason: '已说明', at: '' } } },
    };
    expect(mount(acknowledged).panel.box.querySelectorAll('li')).toHaveLength(before - 1);
  });

  test('offers no action on what the user keeps, and keeps nothing in attributes', () => {
    const { panel } = mount(failingState());
    expect(panel.box.querySelectorAll('button')).toHaveLength(1);
    expect(panel.box.querySelectorAll('input, textarea, a, select')).toHaveLength(0);
    const attributes = [...panel.box.querySelectorAll('*')].flatMap((el) =>
      el.getAttributeNames().map((a) => `${a}=${el.getAttribute(a)}`),
    );
    expect(attributes).toEqual(['type=button']);
  });

  test('a script’s click on its button does nothing; collapsed, only the button is shown', () => {
    const state = failingState();
    const { panel, controller } = mount(state);
    const button = panel.box.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(controller.setCollapsed).not.toHaveBeenCalled();
    const collapsed = mount({ ...state, collapsed: true }).panel;
    expect(collapsed.box.querySelector('div')!.hidden).toBe(true);
    expect(collapsed.box.querySelector('button')!.textContent).toBe('展开 GuideCheck');
  });
});
