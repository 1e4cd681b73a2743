/**
 * Our layer on the portal page: one element with a shadow root, fixed over the page, styled by our own sheet.
 * Closed, the page's scripts cannot reach into it (element.shadowRoot is null for them); events that would carry
 * what is typed inside it stop at its edge.
 */
export interface Layer {
  host: HTMLElement;
  /** Where our UI goes, inside the shadow root */
  container: HTMLElement;
  remove(): void;
}

/** Events that would tell the page what is typed or pressed in our layer. */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
  'focusin',
  'focusout',
  'click',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
];

export function mountLayer(doc: Document, options: { tag: string; css: string; mode: ShadowRootMode }): Layer {
  const host = doc.createElement(options.tag);
  // Over everything, taking no room: the UI inside positions itself (position: fixed).
  host.style.cssText = 'all:initial;position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483000';
  const shadow = host.attachShadow({ mode: options.mode });
  const style = doc.createElement('style');
  style.textContent = options.css;
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  (doc.body ?? doc.documentElement).append(host);
  return { host, container, remove: () => host.remove() };
}
