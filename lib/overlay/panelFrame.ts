import type { PanelMode } from '../messages/protocol';
import { PANEL_READY, offerPanelPort, panelNonce } from './bridge';
import type { Layer } from './layer';

/**
 * The panel's frame in our closed layer: an extension page (its own origin: the portal cannot read it, click in it
 * or hear its keys), docked to one side at the width the page is narrowed by. Each time it loads it gets a fresh
 * line to the page side; a page that takes our layer out of the document gets it put back. A frame that does not
 * answer on its line (the browser or a policy refused our page there) hands over to the reduced panel.
 */
export interface PanelFrame {
  frame: HTMLIFrameElement;
  /** Docks the frame; `width` 0 hides it (the reduced panel is shown instead) */
  place(side: 'left' | 'right', width: number): void;
  remove(): void;
}

export interface PanelFrameOptions {
  layer: Layer;
  /** runtime.getURL('/panel.html') */
  pageUrl: string;
  /** The line to a freshly loaded panel */
  onPort(port: MessagePort): void;
  /** 'fallback' when the frame has not answered within ANSWER_MS of loading; 'frame' once it answers */
  onMode(mode: PanelMode): void;
}

/**
 * How long a loaded frame has to answer. Our page answers as soon as it is handed its line (its script has run by
 * its load); the margin is for a loaded machine. A late answer still brings the frame back.
 */
export const ANSWER_MS = 5000;
/**
 * How long a frame may take to load at all: a refused frame loads the browser's error page at once, while our own
 * page may be slow to start (a cold extension process); the reduced panel should not flash up meanwhile.
 */
export const LOAD_MS = 15_000;

/**
 * Times a frame's answer: each load (or the first request) restarts the wait; no answer in time → 'fallback', an
 * answer → 'frame'.
 */
export function answerWatch(
  win: Pick<Window, 'setTimeout' | 'clearTimeout'>,
  ms: number,
  onMode: (m: PanelMode) => void,
) {
  let timer: number | undefined;
  return {
    loading(wait = ms) {
      win.clearTimeout(timer);
      timer = win.setTimeout(() => onMode('fallback'), wait);
    },
    answered() {
      win.clearTimeout(timer);
      onMode('frame');
    },
    stop: () => win.clearTimeout(timer),
  };
}

export function mountPanelFrame(doc: Document, { layer, pageUrl, onPort, onMode }: PanelFrameOptions): PanelFrame {
  const win = doc.defaultView!;
  const nonce = panelNonce(win.crypto);
  const origin = new URL(pageUrl).origin;
  const frame = doc.createElement('iframe');
  frame.title = 'GuideCheck';
  let placed = 'right:0;width:0';
  const style = () =>
    `all:initial;position:fixed;top:0;bottom:0;height:100vh;${placed};border:0;margin:0;padding:0;display:block;` +
    'background:#fff;color-scheme:light;z-index:2147483001;box-shadow:0 0 0 1px #c9d3df';
  frame.style.cssText = style();
  const answer = answerWatch(win, ANSWER_MS, onMode);
  frame.addEventListener('load', () => {
    answer.loading();
    if (!frame.contentWindow) return;
    const port = offerPanelPort(frame.contentWindow, origin, nonce);
    port.addEventListener('message', (e) => e.data === PANEL_READY && answer.answered());
    onPort(port);
  });
  answer.loading(LOAD_MS);
  frame.src = `${pageUrl}#${nonce}`;
  layer.container.append(frame);

  const hostStyle = layer.host.style.cssText;
  // Taken out, hidden or restyled by the page: put back as it was (the frame reloads and is given a new line).
  const guard = new MutationObserver(() => {
    if (layer.host.style.cssText !== hostStyle) layer.host.style.cssText = hostStyle;
    if (!layer.host.isConnected) (doc.body ?? doc.documentElement).append(layer.host);
  });
  const watch = () => {
    guard.observe(layer.host, { attributes: true });
    guard.observe(doc.documentElement, { childList: true });
    if (doc.body) guard.observe(doc.body, { childList: true });
  };
  watch();
  return {
    frame,
    place(side, width) {
      placed = `${side}:0;${side === 'right' ? 'left' : 'right'}:auto;width:${width}px`;
      frame.style.cssText = style();
    },
    remove() {
      guard.disconnect();
      answer.stop();
      layer.remove();
    },
  };
}
