import type { FieldSpec, ListSpec, FieldMap } from './fieldMapSchema';
import { labelKey, normalizeLabel } from './text';

/**
 * Finding the portal's controls by the labels printed beside them (never by ids we chose),
 * across the page and its same-origin iframes. Reports what it cannot find instead of failing.
 */

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface LocatedField {
  spec: FieldSpec;
  /** One control, or a whole radio/checkbox group */
  controls: Control[];
  /** The label as the page prints it (its unit, e.g. （元）, tells how to read amounts) */
  label: string;
  /** The heading the label sits under ("基本信息"), empty when found by name */
  section: string;
}

export interface LocatedList {
  spec: ListSpec;
  /** One entry per table row: column path → controls of that cell */
  rows: Map<string, Control[]>[];
  /** Column path → the header as the page prints it */
  headers: Map<string, string>;
}

export interface PageMap {
  fields: LocatedField[];
  lists: LocatedList[];
  /** Field and list paths of the fieldMap that the page does not show */
  missing: string[];
  /** Which model path a control feeds (list items as "participants.2.name") */
  pathOf: WeakMap<Element, string>;
}

const CONTROL_SELECTOR =
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), select, textarea';
const LABEL_SELECTOR = 'td, th, label, dt, span, div, b, strong, p';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, legend, caption, .section-title, .title, .hd, th[colspan]';
/** A label is short; longer texts are paragraphs, not labels. */
const MAX_LABEL_LENGTH = 40;

/** The page and every same-origin iframe document inside it (cross-origin frames are skipped). */
export function documentsOf(doc: Document): Document[] {
  const docs = [doc];
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.body) docs.push(...documentsOf(inner));
    } catch {
      // cross-origin: not ours to read
    }
  }
  return docs;
}

export function controlsIn(root: ParentNode): Control[] {
  return Array.from(root.querySelectorAll<Control>(CONTROL_SELECTOR));
}

interface LabelCandidate {
  el: Element;
  text: string;
  section: string;
}

/** Every short label-like element with the heading it sits under, in document order. */
function labelCandidates(doc: Document, outerSection: string): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  let section = outerSection;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (node.matches(HEADING_SELECTOR)) {
      const heading = normalizeLabel(node.textContent ?? '');
      if (heading && heading.length <= MAX_LABEL_LENGTH) section = heading;
    }
    if (!node.matches(LABEL_SELECTOR) || node.querySelector(CONTROL_SELECTOR)) continue;
    const text = normalizeLabel(node.textContent ?? '');
    if (text && text.length <= MAX_LABEL_LENGTH) out.push({ el: node, text, section });
  }
  return out;
}

/** A cell's column, counting the column spans before it. */
function columnOf(cell: HTMLTableCellElement): number {
  let column = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling)
    column += (c as HTMLTableCellElement).colSpan || 1;
  return column;
}

/**
 * A label in a table row without controls (labels printed above their inputs): the controls of the cell in the same
 * column of the next row, never simply the first input of that row. Undefined when the label is not laid out so.
 */
function controlsBelow(label: Element): Control[] | undefined {
  const cell = label.closest('td, th') as HTMLTableCellElement | null;
  const row = cell?.parentElement;
  if (!cell || row?.tagName !== 'TR' || controlsIn(row).length) return undefined;
  const next = row.nextElementSibling;
  if (next?.tagName !== 'TR') return undefined;
  const column = columnOf(cell);
  for (const below of Array.from((next as HTMLTableRowElement).cells)) {
    const start = columnOf(below);
    if (column >= start && column < start + (below.colSpan || 1)) return controlsIn(below);
  }
  return [];
}

/**
 * The controls a label names: `for=`, a column below a header-row label, else the next sibling (or the parent's next
 * sibling) holding controls.
 */
function controlsForLabel(label: Element): Control[] {
  const forId = label.getAttribute('for');
  if (forId) {
    const target = label.ownerDocument.getElementById(forId);
    if (target?.matches(CONTROL_SELECTOR)) return groupOf(target as Control);
  }
  const below = controlsBelow(label);
  if (below) return below;
  let el: Element | null = label;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(CONTROL_SELECTOR)) return groupOf(sib as Control);
      const inner = controlsIn(sib);
      if (inner.length) return inner;
      if (sib.matches(LABEL_SELECTOR) && normalizeLabel(sib.textContent ?? '')) break; // the next label: ours has no control
    }
  }
  return [];
}

/** Radio or checkbox. Tag checks, not instanceof: controls in iframes come from another realm. */
export function isChoice(control: Element): control is HTMLInputElement {
  const type = (control as HTMLInputElement).type;
  return control.tagName === 'INPUT' && (type === 'radio' || type === 'checkbox');
}

/** A radio or checkbox stands for its whole group (same name). */
function groupOf(control: Control): Control[] {
  if (isChoice(control) && control.name) {
    return Array.from(control.ownerDocument.getElementsByName(control.name)).filter(isChoice);
  }
  return [control];
}

function pickControls(controls: Control[], index: number): Control[] {
  if (controls.length && controls.every(isChoice)) return controls;
  const one = controls[index];
  return one ? [one] : [];
}

function sectionMatches(spec: FieldSpec, section: string): boolean {
  return !spec.section?.length || spec.section.some((s) => section.includes(normalizeLabel(s)));
}

function locateField(
  spec: FieldSpec,
  candidates: LabelCandidate[],
  docs: Document[],
  used: Set<Element>,
): { controls: Control[]; label: string; section: string } {
  for (const wanted of (spec.labels ?? []).map(labelKey)) {
    for (const c of candidates) {
      if (labelKey(c.text) !== wanted || !sectionMatches(spec, c.section)) continue;
      const controls = pickControls(controlsForLabel(c.el), spec.index ?? 0).filter((ctl) => !used.has(ctl));
      if (controls.length) return { controls, label: c.text, section: c.section };
    }
  }
  for (const pattern of spec.names ?? []) {
    const re = new RegExp(pattern, 'i');
    for (const doc of docs) {
      const hit = controlsIn(doc).find((c) => !used.has(c) && (re.test(c.name) || re.test(c.id)));
      if (hit) return { controls: groupOf(hit), label: spec.labels?.[0] ?? '', section: '' };
    }
  }
  return { controls: [], label: '', section: '' };
}

/** A repeatable table: the header row names the columns, every later row with controls is an item. */
function locateList(spec: ListSpec, docs: Document[]): LocatedList | undefined {
  for (const doc of docs) {
    for (const table of Array.from(doc.querySelectorAll('table'))) {
      const rows = Array.from(table.rows);
      const headerIndex = rows.findIndex((r) => !controlsIn(r).length && r.cells.length > 1);
      if (headerIndex < 0) continue;
      const headers = Array.from(rows[headerIndex]!.cells).map((c) => normalizeLabel(c.textContent ?? ''));
      const columnAt = new Map<string, number>();
      for (const col of spec.columns) {
        const i = headers.findIndex((h) => (col.labels ?? []).some((l) => labelKey(h) === labelKey(l)));
        if (i >= 0) columnAt.set(col.path, i);
      }
      if (columnAt.size < Math.min(2, spec.columns.length)) continue;
      const items = rows
        .slice(headerIndex + 1)
        .filter((r) => controlsIn(r).length || r.cells.length === headers.length);
      return {
        spec,
        headers: new Map([...columnAt].map(([path, i]) => [path, headers[i]!])),
        rows: items.map((row) => {
          const cells = new Map<string, Control[]>();
          for (const [path, i] of columnAt) {
            const cell = row.cells[i];
            if (cell) cells.set(path, controlsIn(cell));
          }
          return cells;
        }),
      };
    }
  }
  return undefined;
}

/** The heading an iframe sits under in its parent page, so labels inside it inherit a section. */
function frameSections(doc: Document): Map<Document, string> {
  const out = new Map<Document, string>();
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      continue;
    }
    if (!inner) continue;
    let section = '';
    for (const c of labelCandidates(doc, '')) {
      if (c.el.compareDocumentPosition(frame) & 4 /* FOLLOWING */) section = c.section;
    }
    out.set(inner, section);
  }
  return out;
}

export function locateFields(doc: Document, fieldMap: Pick<FieldMap, 'fields' | 'lists'>): PageMap {
  const docs = documentsOf(doc);
  const outer = frameSections(doc);
  const candidates = docs.flatMap((d) => labelCandidates(d, outer.get(d) ?? ''));
  const used = new Set<Element>();
  const pathOf = new WeakMap<Element, string>();
  const missing: string[] = [];
  const lists: LocatedList[] = [];
  for (const spec of fieldMap.lists ?? []) {
    const list = locateList(spec, docs);
    if (!list) {
      missing.push(spec.path);
      continue;
    }
    list.rows.forEach((cells, i) => {
      for (const [col, controls] of cells)
        for (const c of controls) {
          used.add(c);
          pathOf.set(c, `${spec.path}.${i}.${col}`);
        }
    });
    lists.push(list);
  }
  const fields: LocatedField[] = [];
  for (const spec of fieldMap.fields) {
    const { controls, label, section } = locateField(spec, candidates, docs, used);
    if (!controls.length) {
      missing.push(spec.path);
      continue;
    }
    for (const c of controls) {
      used.add(c);
      pathOf.set(c, spec.path);
    }
    fields.push({ spec, controls, label, section });
  }
  return { fields, lists, missing, pathOf };
}
