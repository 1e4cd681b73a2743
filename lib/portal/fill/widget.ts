/**
 * The drop-down item of a widget list (an EasyUI combobox whose text box is readonly, layui's select, Element's
 * select): the element a user clicks to pick `wanted`, one of a list of such items. Links and buttons are never taken
 * (a menu entry with the same words would navigate), nor blocks holding controls (a form row).
 */

const ITEM_KINDS = ['[data-value]', '[lay-value]', '[role=option]', '[class*=item]'];
const ITEM_SELECTOR = ITEM_KINDS.join(', ');
/** Items of the same list: an element is taken as an item only beside others (a lone box of text is no list). */
const SIBLING_ITEMS = ITEM_KINDS.map((kind) => `:scope > ${kind}`).join(', ');

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** How many ancestors `a` and `b` share: a list beside the text box shares more than one appended to the body. */
function sharedDepth(a: Element, b: Element): number {
  const mine = new Set<Node>();
  for (let n: Node | null = b; n; n = n.parentNode) mine.add(n);
  let depth = 0;
  let common: Node | null = a;
  while (common && !mine.has(common)) common = common.parentNode;
  for (let n = common; n; n = n.parentNode) depth++;
  return depth;
}

/** The item showing `wanted` nearest to the widget's text box (the innermost one when items nest). */
export function widgetItem(text: HTMLInputElement, wanted: string): HTMLElement | undefined {
  const want = squash(wanted);
  if (!want) return undefined;
  let best: HTMLElement | undefined;
  let bestDepth = -1;
  for (const item of Array.from(text.ownerDocument.querySelectorAll<HTMLElement>(ITEM_SELECTOR))) {
    if (squash(item.textContent ?? '') !== want) continue;
    if (item.closest('a[href], button') || item.querySelector('a[href], button, input, select, textarea')) continue;
    if ((item.parentElement?.querySelectorAll(SIBLING_ITEMS).length ?? 0) < 2) continue;
    const depth = sharedDepth(item, text);
    if (depth > bestDepth || (depth === bestDepth && best?.contains(item))) {
      best = item;
      bestDepth = depth;
    }
  }
  return best;
}

/** The code an item carries for the widget's hidden input, when the page writes it into the markup. */
export function itemCode(item: HTMLElement): string | null {
  return item.getAttribute('data-value') ?? item.getAttribute('lay-value') ?? item.getAttribute('value');
}
