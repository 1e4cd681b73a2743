import { offerPanelPort, panelNonce } from './bridge';
import type { Layer } from './layer';

/**
 * The panel's frame in our closed layer: an extension page (its own origin: the portal cannot read it, click in it
 * or hear its keys), docked to one side at the width the page is narrowed by. Each time it loads it gets a fresh
 * line to the page side; a page that takes our layer out of the document gets it put back.
 */
export interface PanelFrame {
  frame: HTMLIFrameElement;
  place(side: 'left' | 'right', width: number): void;
  remove(): void;
}

export interface PanelFrameOptions {
  layer: Layer;
  /** runtime.getURL('/panel.html') */
  pageUrl: string;
  /** The line to a freshly loaded panel */
  onPort(port: MessagePort): void;
}

export function mountPanelFrame(doc: Document, { layer, pageUrl, onPort }: PanelFrameOptions): PanelFrame {
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
  frame.addEventListener('load', () => {
    if (frame.contentWindow) onPort(offerPanelPort(frame.contentWindow, origin, nonce));
  });
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
      layer.remove();
    },
  };
}
