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

/** Entries of `root`'s subtree (with `root` itself unless it is the body), in document order. */
function entriesUnder(root: Element, withRoot: boolean): IndexEntry[] {
  const out: IndexEntry[] = [];
  if (withRoot) {
    const own = entryOf(root);
    if (own) out.push(own);
  }
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
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
      const inBody = (el: Element) => el !== body && el.isConnected && body.contains(el);
      // Marks on the elements, not Sets of them: hashing a <form> (to put it in a Set) costs milliseconds after each
      // change, as its named controls are looked up again. Walked whole: the outermost added elements. Looked at
      // alone: targets and every ancestor up to the body.
      const stamp = {};
      const mark = (el: Element, kind: 'root' | 'single') => {
        (el as Marked)[MARK] = { stamp, kind };
      };
      const marked = (el: Element, kind: 'root' | 'single') => {
        const m = (el as Marked)[MARK];
        return m?.stamp === stamp && m.kind === kind;
      };
      const added = changes.added.filter(inBody);
      for (const el of added) mark(el, 'root');
      const roots = added.filter((el) => {
        for (let p = el.parentElement; p && p !== body; p = p.parentElement) if (marked(p, 'root')) return false;
        return true;
      });
      for (const el of added) if (!roots.includes(el)) delete (el as Marked)[MARK];
      const insideRoot = (el: Element) => {
        for (let p: Element | null = el; p && p !== body; p = p.parentElement) if (marked(p, 'root')) return true;
        return false;
      };
      const single: Element[] = [];
      for (const start of [...changes.targets.filter(inBody), ...roots.map((r) => r.parentElement!)])
        for (let p: Element | null = start; p && p !== body && !marked(p, 'single'); p = p.parentElement) {
          if (marked(p, 'root')) continue;
          mark(p, 'single');
          single.push(p);
        }
      if (!roots.length && !single.length) return { entries: known.entries, changed: false };
      const kept: IndexEntry[] = [];
      const dropped = new Map<Element, IndexEntry>();
      for (const e of known.entries) {
        if (!e.el.isConnected || e.el.ownerDocument !== doc || marked(e.el, 'single') || insideRoot(e.el))
          dropped.set(e.el, e);
        else kept.push(e);
      }
      let changed = false;
      for (const root of roots) {
        const fresh = entriesUnder(root, true);
        kept.splice(insertionPoint(kept, root), 0, ...fresh);
        if (fresh.length) changed = true;
        for (const e of fresh) dropped.delete(e.el);
      }
      for (const el of single) {
        if (insideRoot(el)) continue;
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
