import type { FieldSpec, ListSpec, FieldMap } from './fieldMapSchema';
import { HEADING_SELECTOR, MAX_LABEL_LENGTH, controlScope } from './scope';
import { type LabelWords, canonicalLabel, labelKey, normalizeLabel } from './text';
import { isLive } from './live';

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
  /**
   * One entry per table row: column path → controls of that cell (its editable controls, else its hidden inputs: a
   * dialog that adds rows writes them as text plus hidden inputs)
   */
  rows: Map<string, Control[]>[];
  /** One entry per table row: column path → the cell's text, read when the cell has no control at all */
  texts: Map<string, string>[];
  /** Column path → the header as the page prints it */
  headers: Map<string, string>;
}

export interface AmbiguousField {
  path: string;
  /** The labels as the page prints them, one per candidate control */
  labels: string[];
}

export interface PageMap {
  fields: LocatedField[];
  lists: LocatedList[];
  /** Field and list paths of the fieldMap that the page does not show */
  missing: string[];
  /** Fields the page shows twice (two controls both labelled like 中央财政经费): never read, reported */
  ambiguous: AmbiguousField[];
  /** Missing fields whose label the page still prints, with no control found for it (its layout changed) */
  unlinked: string[];
  /** Which model path a control feeds (list items as "participants.2.name") */
  pathOf: WeakMap<Element, string>;
}

const CONTROL_SELECTOR =
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), select, textarea';
const LABEL_SELECTOR = 'td, th, label, dt, span, div, b, strong, p';

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

/** A candidate with its words in the field map's terms (computed once per locate). */
interface KeyedCandidate extends LabelCandidate {
  key: string;
  canon: string;
  sectionCanon: string;
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

/**
 * The hidden value input a widget keeps beside its visible text box (an EasyUI combobox: hidden code + readonly text):
 * the two are one field, read and saved through the text box the user sees.
 */
export function hiddenPartner(control: Control): HTMLInputElement | undefined {
  const box = control.parentElement;
  if (!box || box.tagName === 'TD' || box.tagName === 'FORM' || box.tagName === 'BODY') return undefined;
  if (controlsIn(box).length !== 1) return undefined;
  const hidden = hiddenIn(box);
  return hidden.length === 1 ? (hidden[0] as HTMLInputElement) : undefined;
}

/** Hidden inputs of a cell: what a dialog that adds rows as text leaves behind. */
function hiddenIn(root: ParentNode): Control[] {
  return Array.from(root.querySelectorAll<HTMLInputElement>('input[type=hidden]'));
}

interface FieldHit {
  controls: Control[];
  label: string;
  section: string;
}

/**
 * The controls of a field: for each of its label keys in order (labels naming it alone first), every label on the
 * page with that key (under the right heading, for the generic labels). One control → found; two different controls
 * → ambiguous, never guessed.
 */
function locateField(
  spec: FieldSpec,
  candidates: KeyedCandidate[],
  docs: Document[],
  used: Set<Element>,
  words: LabelWords,
): FieldHit | { ambiguous: string[] } | { unlinked: true } | undefined {
  const sections = (spec.section ?? []).map((s) => canonicalLabel(s, words));
  const wanted = [
    ...(spec.ownLabels ?? []).map((l) => ({ key: labelKey(l, words), own: true })),
    ...(spec.labels ?? []).map((l) => ({ key: labelKey(l, words), own: false })),
  ];
  const tried = new Set<string>();
  let labelSeen = false;
  for (const w of wanted) {
    if (tried.has(`${w.own}${w.key}`)) continue;
    tried.add(`${w.own}${w.key}`);
    const hits: FieldHit[] = [];
    for (const c of candidates) {
      if (c.key !== w.key) continue;
      if (!w.own && sections.length && !sections.some((s) => c.sectionCanon.includes(s) || c.canon.includes(s)))
        continue;
      labelSeen = true;
      const controls = pickControls(controlsForLabel(c.el), w.own ? 0 : (spec.index ?? 0)).filter(
        (ctl) => !used.has(ctl),
      );
      if (controls.length && !hits.some((h) => h.controls[0] === controls[0]))
        hits.push({ controls, label: c.text, section: c.section });
    }
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return { ambiguous: hits.map((h) => h.label) };
  }
  for (const pattern of spec.names ?? []) {
    const re = new RegExp(pattern, 'i');
    for (const doc of docs) {
      const hit = controlsIn(doc).find(
        (c) =>
          !used.has(c) &&
          (re.test(c.name) || re.test(c.id)) &&
          (spec.scope === undefined || controlScope(c) === spec.scope),
      );
      // The page's own label, not the field map's: its unit (元 or 万元) says how to read the value.
      if (hit) return { controls: groupOf(hit), label: labelOf(hit) ?? spec.labels?.[0] ?? '', section: '' };
    }
  }
  return labelSeen ? { unlinked: true } : undefined;
}

/** The header of a table cell's column (the last row above it without controls), for list columns. */
export function columnHeaderOf(control: Element): string | undefined {
  const cell = control.closest('td, th') as HTMLTableCellElement | null;
  const table = cell?.closest('table');
  if (!cell || !table) return undefined;
  const column = columnOf(cell);
  const rows = Array.from(table.rows);
  for (let i = rows.indexOf(cell.parentElement as HTMLTableRowElement) - 1; i >= 0; i--) {
    if (controlsIn(rows[i]!).length) continue;
    for (const c of Array.from(rows[i]!.cells)) {
      const start = columnOf(c);
      if (column >= start && column < start + (c.colSpan || 1)) return normalizeLabel(c.textContent ?? '') || undefined;
    }
  }
  return undefined;
}

/**
 * The label the page prints for a control: the text just before it, else the header of its column in the row above
 * (labels above inputs). Normalised, unit kept.
 */
export function labelOf(control: Element): string | undefined {
  let el: Element | null = control;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.querySelector('input:not([type=hidden]), select, textarea')) break;
      const text = normalizeLabel(sib.textContent ?? '');
      if (text && text.length <= MAX_LABEL_LENGTH) return text;
    }
  }
  const cell = control.closest('td, th') as HTMLTableCellElement | null;
  const above = cell?.parentElement?.previousElementSibling;
  if (cell && above?.tagName === 'TR') {
    const column = columnOf(cell);
    for (const c of Array.from((above as HTMLTableRowElement).cells)) {
      const start = columnOf(c);
      if (column >= start && column < start + (c.colSpan || 1) && !controlsIn(c).length) {
        const text = normalizeLabel(c.textContent ?? '');
        if (text && text.length <= MAX_LABEL_LENGTH) return text;
      }
    }
  }
  return undefined;
}

/** A repeatable table: the header row names the columns, every later row with controls is an item. */
function locateList(spec: ListSpec, docs: Document[], words: LabelWords): LocatedList | undefined {
  for (const doc of docs) {
    for (const table of Array.from(doc.querySelectorAll('table'))) {
      const rows = Array.from(table.rows);
      const headerIndex = rows.findIndex((r) => !controlsIn(r).length && r.cells.length > 1);
      if (headerIndex < 0) continue;
      const headers = Array.from(rows[headerIndex]!.cells).map((c) => normalizeLabel(c.textContent ?? ''));
      const columnAt = new Map<string, number>();
      for (const col of spec.columns) {
        const i = headers.findIndex((h) => (col.labels ?? []).some((l) => labelKey(h, words) === labelKey(l, words)));
        if (i >= 0) columnAt.set(col.path, i);
      }
      // A list is known by its first column (单位名称, 附件类型) and one more: a budget table's 中央财政经费 and 自筹经费
      // headers alone do not make it the participants list.
      if (columnAt.size < Math.min(2, spec.columns.length) || !columnAt.has(spec.columns[0]!.path)) continue;
      const items = rows
        .slice(headerIndex + 1)
        .filter((r) => controlsIn(r).length || r.cells.length === headers.length);
      const texts: Map<string, string>[] = [];
      return {
        spec,
        headers: new Map([...columnAt].map(([path, i]) => [path, headers[i]!])),
        rows: items.map((row) => {
          const cells = new Map<string, Control[]>();
          const text = new Map<string, string>();
          for (const [path, i] of columnAt) {
            const cell = row.cells[i];
            if (!cell) continue;
            const editable = controlsIn(cell);
            cells.set(path, editable.length ? editable : hiddenIn(cell));
            text.set(path, (cell.textContent ?? '').trim());
          }
          texts.push(text);
          return cells;
        }),
        texts,
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

export function locateFields(doc: Document, fieldMap: Pick<FieldMap, 'fields' | 'lists' | 'labelWords'>): PageMap {
  const words = fieldMap.labelWords ?? {};
  const docs = documentsOf(doc);
  const outer = frameSections(doc);
  const candidates: KeyedCandidate[] = docs
    .flatMap((d) => labelCandidates(d, outer.get(d) ?? ''))
    .map((c) => ({
      ...c,
      key: labelKey(c.text, words),
      canon: canonicalLabel(c.text, words),
      sectionCanon: canonicalLabel(c.section, words),
    }));
  const used = new Set<Element>();
  const pathOf = new WeakMap<Element, string>();
  const missing: string[] = [];
  const lists: LocatedList[] = [];
  for (const spec of fieldMap.lists ?? []) {
    const list = locateList(spec, docs, words);
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
  const ambiguous: AmbiguousField[] = [];
  const unlinked: string[] = [];
  for (const spec of fieldMap.fields) {
    const hit = locateField(spec, candidates, docs, used, words);
    if (!hit || 'unlinked' in hit) {
      missing.push(spec.path);
      if (hit) unlinked.push(spec.path);
      continue;
    }
    if ('ambiguous' in hit) {
      ambiguous.push({ path: spec.path, labels: hit.ambiguous });
      continue;
    }
    const { controls, label, section } = hit;
    for (const c of controls) {
      used.add(c);
      pathOf.set(c, spec.path);
    }
    fields.push({ spec, controls, label, section });
  }
  return { fields, lists, missing, ambiguous, unlinked, pathOf };
}

/**
 * Fields this session had located that the page now shows in a way we cannot follow: their label is still printed but
 * no control goes with it, or their old control is still on the page but no longer found by its label. (A section
 * swapped away takes label and control with it: not lost, its values come from the draft.)
 */
export function lostFields(seen: ReadonlyMap<string, Control[]>, map: PageMap): string[] {
  const located = new Set(map.fields.map((f) => f.spec.path));
  return [...seen]
    .filter(
      ([path, controls]) =>
        !located.has(path) &&
        !map.ambiguous.some((a) => a.path === path) &&
        (map.unlinked.includes(path) || controls.some(isLive)),
    )
    .map(([path]) => path);
}
