/**
 * The panel sits beside the portal's page, never over it: the page's root element gets a margin on the panel's
 * side as wide as the panel (or the collapsed rail), so the form reflows into the width that is left.
 */

/** Widths in CSS pixels; the panel is drawn at panelWidth(), the rail at RAIL_WIDTH (components/overlay.css). */
export const RAIL_WIDTH = 40;

/** Narrower on laptop screens (1366 and below), so the form keeps at least ~950 px. */
export function panelWidth(viewportWidth: number): number {
  return viewportWidth <= 1366 ? 320 : 360;
}

/** Insets the page for a panel of `width` on `side`; returns what puts the page back as it was. */
export function insetPage(doc: Document, side: 'left' | 'right', width: number): () => void {
  const root = doc.documentElement;
  const property = side === 'right' ? 'margin-right' : 'margin-left';
  const before = { value: root.style.getPropertyValue(property), priority: root.style.getPropertyPriority(property) };
  // The page's own stylesheet may set a margin on <html>: ours wins while the panel is open.
  root.style.setProperty(property, `${width}px`, 'important');
  return () => {
    if (before.value) root.style.setProperty(property, before.value, before.priority);
    else root.style.removeProperty(property);
  };
}

/** The portal's own submit and save buttons: a click on one with errors left gets a reminder. */
const SUBMIT_TEXT = /^\s*(提\s*交|保\s*存|暂\s*存|上\s*报|提交申报|保存草稿)/;

export function isSubmitControl(target: EventTarget | null): boolean {
  const el = (target as Element | null)?.closest?.('button, input[type=submit], input[type=button], a[role=button], a');
  if (!el) return false;
  const text = el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
  return SUBMIT_TEXT.test(text);
}
