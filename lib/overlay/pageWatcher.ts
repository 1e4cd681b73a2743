import type { PageChanges, PageDocuments } from '../portal/locate';
import { cleanUpAll } from '../portal/live';

export interface PageWatcherHandlers {
  /** A control fired input or change */
  onInput(target: Element): void;
  /** A click anywhere on the page or its frames (mapping mode picks controls with it) */
  onClick(event: Event): void;
  /**
   * The page's elements or texts changed (rows 添加/删除, a section swapped in, a label rewritten): every change since
   * the last call, once per batch, after the page's own handlers ran
   */
  onPageChanged(changes: PageChanges): void;
  /** A frame (re)loaded: its document is new */
  onFrameLoaded(frame: Element): void;
  /**
   * Time to look for values set by script: after focus moves or a click (once the page's own handlers ran) and
   * on an idle timer (`idle`: a share of the controls is enough). Widgets write `.value` without events.
   */
  onSweep(idle: boolean): void;
}

/** What a located field or list can depend on besides label texts: controls, frames and table cells */
const FORMISH = 'input, select, textarea, iframe, frame, table, tr, td, th';

function touchesControls(nodes: NodeList): boolean {
  return Array.from(nodes).some(
    (n) => n.nodeType === 1 && ((n as Element).matches(FORMISH) || (n as Element).querySelector(FORMISH)),
  );
}

/**
 * Listens to the page and its same-origin frames, including frames added or (re)loaded later. `attach` is called
 * again, with the documents and frames the locator found, whenever the page may have grown new ones; each document
 * and frame is listened to once.
 */
export function createPageWatcher(doc: Document, handlers: PageWatcherHandlers) {
  const cleanups: (() => void)[] = [];
  const attached = new WeakSet<Document>();
  const framesSeen = new WeakSet<Element>();
  let pending: PageChanges | undefined;
  /** The sweep asked for and not run yet: a user's focus change or click asks for all controls, the idle timer not */
  let sweepQueued: 'all' | 'idle' | undefined;
  const queueSweep = (scope: 'all' | 'idle') => {
    if (sweepQueued) {
      if (scope === 'all') sweepQueued = 'all';
      return;
    }
    sweepQueued = scope;
    setTimeout(() => {
      const idle = sweepQueued === 'idle';
      sweepQueued = undefined;
      handlers.onSweep(idle);
    }, 0);
  };
  const sweepAll = () => queueSweep('all');

  function listen(target: EventTarget, type: string, fn: EventListener, capture = true) {
    target.addEventListener(type, fn, capture);
    cleanups.push(() => target.removeEventListener(type, fn, capture));
  }

  const onInput = (event: Event) => {
    const target = event.target as Element | null;
    if (target && 'value' in target) handlers.onInput(target);
  };

  function onMutations(records: MutationRecord[]) {
    const first = !pending;
    pending ??= { targets: [], added: [], controls: false };
    for (const r of records) {
      pending.targets.push(r.target);
      if (r.type !== 'childList') continue;
      pending.added.push(...Array.from(r.addedNodes));
      if (!pending.controls && (touchesControls(r.addedNodes) || touchesControls(r.removedNodes)))
        pending.controls = true;
    }
    if (!first) return;
    queueMicrotask(() => {
      const changes = pending!;
      pending = undefined;
      handlers.onPageChanged(changes);
    });
  }

  function attach({ docs, frames }: PageDocuments) {
    for (const d of docs) {
      if (!attached.has(d)) {
        attached.add(d);
        listen(d, 'input', onInput);
        listen(d, 'change', onInput);
        listen(d, 'click', handlers.onClick);
        listen(d, 'click', sweepAll);
        // A focusin on the control that already has focus is no focus change: Chromium fires one at every value a
        // script sets in a focused date input, and on a 2,000-control form each sweep costs ~1 ms.
        let focused: EventTarget | null = null;
        listen(d, 'focusout', () => {
          focused = null;
          sweepAll();
        });
        listen(d, 'focusin', (event) => {
          if (event.target === focused) return;
          focused = event.target;
          sweepAll();
        });
        const win = d.defaultView;
        if (win && d.body) {
          const observer = new win.MutationObserver(onMutations);
          observer.observe(d.body, { childList: true, characterData: true, subtree: true });
          cleanups.push(() => observer.disconnect());
        }
      }
    }
    for (const frame of frames) {
      if (framesSeen.has(frame)) continue;
      framesSeen.add(frame);
      listen(frame, 'load', () => handlers.onFrameLoaded(frame));
    }
  }

  function startIdleSweep(intervalMs: number) {
    const win = doc.defaultView;
    if (!win) return;
    const idle = (fn: () => void) =>
      typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(fn, { timeout: intervalMs }) : fn();
    // A hidden tab is not swept: nothing there is being picked. Shown again, one sweep finds what changed meanwhile.
    const timer = win.setInterval(() => doc.visibilityState !== 'hidden' && idle(() => queueSweep('idle')), intervalMs);
    cleanups.push(() => win.clearInterval(timer));
    listen(doc, 'visibilitychange', () => doc.visibilityState === 'visible' && sweepAll());
  }

  return {
    attach,
    startIdleSweep,
    stop() {
      cleanUpAll(cleanups);
    },
  };
}

export type PageWatcher = ReturnType<typeof createPageWatcher>;
