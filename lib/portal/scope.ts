import { normalizeLabel } from './text';

/** Where on the page a control sits: its frames and the heading or dialog it is under (draft keys, mapping). */

export const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, legend, caption, .section-title, .title, .hd, th[colspan]';
/** A label is short; longer texts are paragraphs, not labels. */
export const MAX_LABEL_LENGTH = 40;

/** Containers portals open as dialogs (layer.open, Bootstrap, Element, jQuery UI, native), and their title. */
const DIALOG_SELECTOR = 'dialog, [role=dialog], .layui-layer, .modal, .el-dialog, .ui-dialog, .dialog';
const DIALOG_TITLE_SELECTOR = '.layui-layer-title, .modal-title, .el-dialog__title, .ui-dialog-title, .dialog-title';

/** The frames a control sits in, outermost first, each by its name or id (else its place among its siblings). */
function framePath(control: Element): string {
  const parts: string[] = [];
  let win = control.ownerDocument.defaultView;
  while (win?.frameElement) {
    const frame = win.frameElement as HTMLIFrameElement;
    const siblings = Array.from(frame.ownerDocument.querySelectorAll('iframe, frame'));
    parts.unshift(frame.name || frame.id || `frame${siblings.indexOf(frame)}`);
    win = frame.ownerDocument.defaultView;
  }
  return parts.join('/');
}

/** The dialog's title for a control in a dialog, else the heading the control sits under ("申报单位"), else ''. */
function sectionOf(control: Element): string {
  const dialog = control.closest(DIALOG_SELECTOR);
  if (dialog) {
    const title = dialog.querySelector(DIALOG_TITLE_SELECTOR)?.textContent ?? dialog.getAttribute('aria-label') ?? '';
    return `dialog:${normalizeLabel(title)}`;
  }
  // Back through the document in reverse order: earlier siblings (their last descendants first), then ancestors.
  for (let node: Element | null = control; node; ) {
    if (node.previousElementSibling) {
      node = node.previousElementSibling;
      while (node.lastElementChild) {
        if (node.matches(HEADING_SELECTOR)) break;
        node = node.lastElementChild;
      }
    } else node = node.parentElement;
    if (!node?.matches(HEADING_SELECTOR)) continue;
    const heading = normalizeLabel(node.textContent ?? '');
    if (heading && heading.length <= MAX_LABEL_LENGTH) return heading;
  }
  return '';
}

/** The frame path and section of a control, joined: "mainFrame/申报单位", "dialog:添加参与单位", or ''. */
export function controlScope(control: Element): string {
  return [framePath(control), sectionOf(control)].filter(Boolean).join('/');
}
