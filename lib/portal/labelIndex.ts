import { HEADING_SELECTOR, MAX_LABEL_LENGTH } from './scope';
import { normalizeLabel } from './text';

/**
 * The headings and label-like texts of each document, in document order, kept up to date from what changed (mutation
 * records) instead of walking the whole page again: a 2,000-control form re-walks only the row or section that came.
 */

export const CONTROL_SELECTOR =
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), select, textarea';
export const LABEL_SELECTOR = 'td, th, label, dt, span, div, b, strong, p';

/** An element that is a heading, a label (short text without controls inside), or both. */
export interface IndexEntry {
  el: Element;
  heading?: string;
  label?: string;
}

function entryOf(node: Element): IndexEntry | undefined {
  const isHeading = node.matches(HEADING_SELECTOR);
  const isLabel = node.matches(LABEL_SELECTOR) && !node.querySelector(CONTROL_SELECTOR);
  if (!isHeading && !isLabel) return undefined;
  const text = normalizeLabel(node.textContent ?? '');
  if (!text || text.length > MAX_LABEL_LENGTH) return undefined;
  return { el: node, heading: isHeading ? text : undefined, label: isLabel ? text : undefined };
}

/** Entries of `root`'s subtree (with `root` itself unless it is the body), in document order; `each` sees every element. */
function entriesUnder(root: Element, withRoot: boolean, each?: (el: Element) => void): IndexEntry[] {
  const out: IndexEntry[] = [];
  if (withRoot) {
    each?.(root);
    const own = entryOf(root);
    if (own) out.push(own);
  }
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    each?.(node);
    const entry = entryOf(node);
    if (entry) out.push(entry);
  }
  return out;
}

/** The first index whose element comes after `node` (after its subtree, or inside it) in document order. */
function insertionPoint(entries: IndexEntry[], node: Element): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (node.compareDocumentPosition(entries[mid]!.el) & 4 /* FOLLOWING */) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** What can be an entry: an element that is neither a label nor a heading never is one, whatever its text. */
const ENTRY_SELECTOR = `${LABEL_SELECTOR}, ${HEADING_SELECTOR}`;

/** Where an update marks the elements it looks at (a symbol of this script's world: the page cannot see it) */
const MARK = Symbol('guidecheck:index');
type Marked = Element & { [MARK]?: { stamp: object; kind: 'root' | 'single' } };

interface DocIndex {
  body: Element;
  entries: IndexEntry[];
}

/** What changed in one document since its entries were last brought up to date. */
export interface DocChanges {
  /** Elements whose children or text changed: each is looked at again, with its ancestors, not its whole subtree */
  targets: Element[];
  /** Elements added under them: walked whole */
  added: Element[];
}

export function createLabelIndex() {
  let docs = new WeakMap<Document, DocIndex>();
  return {
    /** Forget every document: the next `entries` walks each one whole. */
    reset() {
      docs = new WeakMap();
    },
    /**
     * The entries of `doc` in document order. A document seen before is updated from `changes` (every change since
     * the last call must be in it); a new document, or one whose body was replaced, is walked whole. `changed` tells
     * whether any entry came, went or changed its text.
     */
    entries(doc: Document, changes: DocChanges): { entries: IndexEntry[]; changed: boolean } {
      const body = doc.body;
      if (!body) return { entries: [], changed: docs.has(doc) };
      const known = docs.get(doc);
      if (!known || known.body !== body || changes.targets.includes(body) || changes.added.includes(body)) {
        const entries = entriesUnder(body, false);
        docs.set(doc, { body, entries });
        return { entries, changed: true };
      }
      // body.contains, not el.isConnected: no property of a changed element is read (see `up`).
      const inBody = (el: Element) => el !== body && body.contains(el);
      // Marks on the elements, not Sets of them: hashing a <form> (to put it in a Set) costs milliseconds after each
      // change, as its named controls are looked up again. Walked whole: the outermost added elements. Looked at
      // alone: targets and every ancestor up to the body that can be a label or heading.
      const stamp = {};
      const mark = (el: Element, kind: 'root' | 'single') => {
        (el as Marked)[MARK] = { stamp, kind };
      };
      const marked = (el: Element, kind: 'root' | 'single') => {
        const m = (el as Marked)[MARK];
        return m?.stamp === stamp && m.kind === kind;
      };
      // In document order an element inside an added one comes right after it: the outermost are found in one pass.
      const roots: Element[] = [];
      for (const el of changes.added.filter(inBody).sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1)))
        if (!roots.length || !roots.at(-1)!.contains(el)) roots.push(el);
      // Every element under a root is marked while it is walked: whether an entry lies inside one is one look.
      const fresh = roots.map((root) => entriesUnder(root, true, (el) => mark(el, 'root')));
      // Up to the next element that can be an entry, with the document's `closest` called on the elements between: no
      // property of theirs is read. The first property read on a large <form> after a change costs milliseconds (the
      // browser looks its named controls up again), and a form is the ancestor of nearly everything.
      const closest = body.closest;
      const up = (el: Element | null) => el && (closest.call(el, ENTRY_SELECTOR) as Element | null);
      const targets = changes.targets.filter(inBody);
      const single: Element[] = [];
      for (const start of [...targets, ...roots.map((r) => r.parentElement!)])
        for (let p = up(start); p && p !== body && !marked(p, 'single'); p = up(p.parentElement)) {
          if (marked(p, 'root')) continue;
          mark(p, 'single');
          single.push(p);
        }
      // A target with no label or heading around it may still have lost some: the entries are looked through.
      if (!roots.length && !targets.length) return { entries: known.entries, changed: false };
      const kept: IndexEntry[] = [];
      const dropped = new Map<Element, IndexEntry>();
      for (const e of known.entries) {
        if (!e.el.isConnected || e.el.ownerDocument !== doc || marked(e.el, 'single') || marked(e.el, 'root'))
          dropped.set(e.el, e);
        else kept.push(e);
      }
      let changed = false;
      roots.forEach((root, i) => {
        const entries = fresh[i]!;
        kept.splice(insertionPoint(kept, root), 0, ...entries);
        if (entries.length) changed = true;
        for (const e of entries) dropped.delete(e.el);
      });
      for (const el of single) {
        const e = entryOf(el);
        if (!e) continue;
        kept.splice(insertionPoint(kept, el), 0, e);
        if (!sameEntry(dropped.get(el), e)) changed = true;
        dropped.delete(el);
      }
      if (dropped.size) changed = true;
      docs.set(doc, { body, entries: kept });
      return { entries: kept, changed };
    },
  };
}

function sameEntry(a: IndexEntry | undefined, b: IndexEntry): boolean {
  return !!a && a.heading === b.heading && a.label === b.label;
}

export type LabelIndex = ReturnType<typeof createLabelIndex>;
