// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import type { OverlayController } from '@/lib/overlay/controller';
import { showOverlay } from '@/lib/overlay/pageSide';
import type { OverlayState } from '@/lib/overlay/state';
import { emptyChecklist } from '@/lib/core/vocabulary';

/** A controller that only holds a state and tells its listeners when it changes. */
function fakeController() {
  let state = {
    phase: 'ready',
    lang: 'zh',
    collapsed: false,
    dock: 'right',
    findings: [],
    layers: [],
    checklist: emptyChecklist(),
  } as unknown as OverlayState;
  const listeners = new Set<() => void>();
  const controller = {
    getState: () => state,
    subscribe: (fn: () => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    controlFor: () => undefined,
    setCollapsed: () => {},
    mappableFields: () => [],
    applicationId: 'SQ1',
  } as unknown as OverlayController;
  return {
    controller,
    set(patch: Partial<OverlayState>) {
      state = { ...state, ...patch };
      for (const fn of listeners) fn();
    },
  };
}

test('a state change (each keystroke makes one) never reads the viewport width, which lays the page out; a resize does', () => {
  let reads = 0;
  let width = 1400;
  Object.defineProperty(window, 'innerWidth', {
    configurable: true,
    get: () => {
      reads++;
      return width;
    },
  });
  const { controller, set } = fakeController();
  const shown = showOverlay(window, controller, 'about:blank');
  const atStart = reads;
  for (let i = 0; i < 5; i++) set({ unsaved: i });
  expect(reads).toBe(atStart);
  expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('360px');

  width = 1280; // a laptop: the panel narrows, the page's inset with it
  window.dispatchEvent(new Event('resize'));
  expect(reads).toBeGreaterThan(atStart);
  expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('320px');
  shown.hide();
  expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
});
