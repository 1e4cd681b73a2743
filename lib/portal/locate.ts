import type { FieldSpec, ListSpec, FieldMap } from './fieldMapSchema';
import { CONTROL_SELECTOR, type DocChanges, type IndexEntry, LABEL_SELECTOR, createLabelIndex } from './labelIndex';
import { MAX_LABEL_LENGTH, controlScope } from './scope';
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

/**
 * The page and every same-origin iframe document inside it (cross-origin frames are skipped); `frames` gains every
 * frame element met on the way.
 */
export function documentsOf(doc: Document, frames: Element[] = []): Document[] {
  const docs = [doc];
  for (const frame of Array.from(doc.querySelectorAll(FRAME_SELECTOR))) {
    frames.push(frame);
    const inner = shownDocument(frame);
    if (inner) docs.push(...documentsOf(inner, frames));
  }
  return docs;
}

const FRAME_SELECTOR = 'iframe, frame';

/** The document a frame shows, when we can read it and it has a body (null: cross-origin, gone or still loading). */
export function shownDocument(frame: Element): Document | null {
  try {
    const inner = (frame as HTMLIFrameElement).contentDocument;
    return inner?.body ? inner : null;
  } catch {
    return null; // cross-origin (or a dead object in Firefox): not ours to read
  }
}

export function controlsIn(root: ParentNode): Control[] {
  return Array.from(root.querySelectorAll<Control>(CONTROL_SELECTOR));
}

/** The controls in (or among) some nodes still on the page, each once: what a change added. */
export function controlsUnder(nodes: Node[]): Control[] {
  const out = new Set<Control>();
  for (const n of nodes) {
    if (!isLive(n) || n.nodeType !== 1) continue;
    if ((n as Element).matches(CONTROL_SELECTOR)) out.add(n as Control);
    for (const c of controlsIn(n as Element)) out.add(c);
  }
  return [...out];
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

/** The label candidates of one document's index entries: each label with the heading it sits under. */
function candidatesOf(entries: IndexEntry[], outerSection: string): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  let section = outerSection;
  for (const e of entries) {
    if (e.heading) section = e.heading;
    if (e.label) out.push({ el: e.el, text: e.label, section });
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

/** The cell of `row` that spans `column` */
function cellAt(row: Element, column: number): HTMLTableCellElement | undefined {
  return Array.from((row as HTMLTableRowElement).cells).find((c) => {
    const start = columnOf(c);
    return column >= start && column < start + (c.colSpan || 1);
  });
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
  const below = cellAt(next, columnOf(cell));
  return below ? controlsIn(below) : [];
}

/**
 * The controls a label names, picked (see pickControls): `for=`, a column below a header-row label, else the next
 * sibling (or the parent's next sibling) holding controls.
 */
function controlsForLabel(label: Element, index: number): Control[] {
  const forId = label.getAttribute('for');
  if (forId) {
    const target = label.ownerDocument.getElementById(forId);
    if (target?.matches(CONTROL_SELECTOR)) return pickControls(groupOf(target as Control), index);
  }
  const below = controlsBelow(label);
  if (below) return pickControls(below, index);
  let el: Element | null = label;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(CONTROL_SELECTOR)) return pickControls(groupOf(sib as Control), index);
      // The first control tells most: a sibling holding a whole table of rows is not listed for one text box.
      const first = sib.querySelector<Control>(CONTROL_SELECTOR);
      if (first) return index === 0 && !isChoice(first) ? [first] : pickControls(controlsIn(sib), index);
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
  byKey: Map<string, KeyedCandidate[]>,
  docs: Document[],
  controlsOf: (doc: Document) => Control[],
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
    for (const c of byKey.get(w.key) ?? []) {
      if (!w.own && sections.length && !sections.some((s) => c.sectionCanon.includes(s) || c.canon.includes(s)))
        continue;
      labelSeen = true;
      const controls = controlsForLabel(c.el, w.own ? 0 : (spec.index ?? 0)).filter((ctl) => !used.has(ctl));
      if (controls.length && !hits.some((h) => h.controls[0] === controls[0]))
        hits.push({ controls, label: c.text, section: c.section });
    }
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return { ambiguous: hits.map((h) => h.label) };
  }
  for (const pattern of spec.names ?? []) {
    const re = new RegExp(pattern, 'i');
    for (const doc of docs) {
      const hit = controlsOf(doc).find(
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
    const c = cellAt(rows[i]!, column);
    if (c) return normalizeLabel(c.textContent ?? '') || undefined;
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
  const c = cell && above?.tagName === 'TR' ? cellAt(above, columnOf(cell)) : undefined;
  const text = c && !controlsIn(c).length ? normalizeLabel(c.textContent ?? '') : '';
  return text && text.length <= MAX_LABEL_LENGTH ? text : undefined;
}

/** A list row's cells by column path: their editable controls (else their hidden inputs) and their texts. */
interface RowCells {
  cells: Map<string, Control[]>;
  text: Map<string, string>;
}

/** What a list reads of a table row; kept while the row's subtree does not change. */
interface RowReader {
  hasControls(row: HTMLTableRowElement): boolean;
  /** The row's cells at the columns (path → cell index), `key` naming that column layout */
  cells(row: HTMLTableRowElement, columns: Map<string, number>, key: string): RowCells;
}

function readRowCells(row: HTMLTableRowElement, columns: Map<string, number>): RowCells {
  const cells = new Map<string, Control[]>();
  const text = new Map<string, string>();
  for (const [path, i] of columns) {
    const cell = row.cells[i];
    if (!cell) continue;
    const editable = controlsIn(cell);
    cells.set(path, editable.length ? editable : hiddenIn(cell));
    text.set(path, (cell.textContent ?? '').trim());
  }
  return { cells, text };
}

/** A repeatable table: the header row names the columns, every later row with controls is an item. */
function locateList(
  spec: ListSpec,
  tables: HTMLTableElement[],
  words: LabelWords,
  read: RowReader,
): LocatedList | undefined {
  for (const table of tables) {
    const rows = Array.from(table.rows);
    const headerIndex = rows.findIndex((r) => !read.hasControls(r) && r.cells.length > 1);
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
    const layout = `${spec.path}:${[...columnAt].join(';')}`;
    const items = rows.slice(headerIndex + 1).filter((r) => read.hasControls(r) || r.cells.length === headers.length);
    const texts: Map<string, string>[] = [];
    return {
      spec,
      headers: new Map([...columnAt].map(([path, i]) => [path, headers[i]!])),
      rows: items.map((row) => {
        const { cells, text } = read.cells(row, columnAt, layout);
        texts.push(text);
        return cells;
      }),
      texts,
    };
  }
  return undefined;
}

/** The section of the last label before each iframe of the page, so labels inside the frame inherit it. */
function frameSections(frames: Element[], candidates: LabelCandidate[]): Map<Document, string> {
  const out = new Map<Document, string>();
  for (const frame of frames) {
    const inner = shownDocument(frame);
    if (!inner) continue;
    // Candidates are in document order: those the frame follows are a prefix.
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid]!.el.compareDocumentPosition(frame) & 4 /* FOLLOWING */) lo = mid + 1;
      else hi = mid;
    }
    out.set(inner, lo > 0 ? candidates[lo - 1]!.section : '');
  }
  return out;
}

/**
 * What changed on the page since the last locate, from mutation records. Every change must be reported: what was
 * not is not looked at again.
 */
export interface PageChanges {
  /** Nodes whose children or text changed */
  targets: Node[];
  /** Nodes added under them */
  added: Node[];
  /** Controls, tables or frames came or went (otherwise only text changed) */
  controls: boolean;
}

type LocateMap = Pick<FieldMap, 'fields' | 'lists' | 'labelWords'>;

/** The page's documents (the page and its same-origin frames') and the frame elements in them */
export interface PageDocuments {
  docs: Document[];
  frames: Element[];
}

/**
 * Locates the field map's fields on the page, again and again as the page changes. The first `locate()` (and any
 * without changes) reads the whole page; one given the page's changes re-walks only the subtrees that changed and
 * reads again only the table rows and cells under them, with the same result as a whole locate. Nothing changed that
 * a field depends on → the previous map itself.
 */
export function createLocator(doc: Document, fieldMap: LocateMap) {
  const words = fieldMap.labelWords ?? {};
  const index = createLabelIndex();
  const byName = fieldMap.fields.some((f) => f.names?.length);
  /** Label words in the field map's terms, by label text (a form prints the same few labels many times) */
  const canon = new Map<string, string>();
  const canonical = (text: string) => {
    const known = canon.get(text);
    if (known !== undefined) return known;
    const c = canonicalLabel(text, words);
    canon.set(text, c);
    return c;
  };
  let rowsWithControls = new WeakMap<Element, boolean>();
  let rowCells = new WeakMap<Element, { key: string; row: RowCells }>();
  /** The label keys the field map's fields are found by: other labels are no field's candidates */
  const wantedKeys = new Set(
    fieldMap.fields.flatMap((f) => [...(f.ownLabels ?? []), ...(f.labels ?? [])].map((l) => labelKey(l, words))),
  );
  let last: PageMap | undefined;
  let lastDocs: Document[] = [];
  let lastFrames: Element[] = [];
  /** Each frame of the last walk and the document it showed */
  let lastShown = new Map<Element, Document | null>();
  /** Every table of the last walk's documents, in page order */
  let lastTables: HTMLTableElement[] | undefined;
  /** Whether the changes added an element that `selector` matches, or one holding such an element */
  const addedAny = (perDoc: Map<Document, DocChanges>, selector: string) => {
    for (const { added } of perDoc.values())
      for (const el of added) if (el.matches(selector) || el.querySelector(selector)) return true;
    return false;
  };
  /**
   * The last walk's documents still stand when the changes added no frame and every frame is in place, showing the
   * same document: then the page is not walked again for frames (on a 2,000-control form a walk costs ~1 ms a change).
   */
  const sameDocuments = (perDoc: Map<Document, DocChanges>) =>
    !addedAny(perDoc, FRAME_SELECTOR) &&
    [...lastShown].every(([frame, shown]) => isLive(frame) && shownDocument(frame) === shown);

  return {
    /** The documents and frames of the last locate: what a page watcher listens to */
    documents: (): PageDocuments => ({ docs: lastDocs, frames: lastFrames }),
    locate(changes?: PageChanges): PageMap {
      if (!changes || !last) {
        index.reset();
        rowsWithControls = new WeakMap();
        rowCells = new WeakMap();
      }
      // Table rows whose subtree changed: their cached cells are read again.
      const dirty = new Set<Element>();
      const perDoc = new Map<Document, DocChanges>();
      let inCell = false;
      const element = (n: Node) => (n.nodeType === 1 ? (n as Element) : n.parentElement);
      const changesOf = (d: Document) => {
        const known = perDoc.get(d);
        if (known) return known;
        const c: DocChanges = { targets: [], added: [] };
        perDoc.set(d, c);
        return c;
      };
      for (const node of changes?.targets ?? []) {
        // A node of a frame page that has gone (a dead object in Firefox) changes nothing the page shows now.
        const el = isLive(node) ? element(node) : null;
        if (!el) continue;
        changesOf(el.ownerDocument).targets.push(el);
        // Ancestors are reached with the document's `closest` called on them, never by reading their properties: the
        // first property read on a large <form> after a change costs milliseconds (its named controls are looked up
        // again). Taken from the root element: a form's or select's own methods may be bound to it (happy-dom).
        const closest = el.ownerDocument.documentElement.closest;
        if (!inCell && closest.call(el, 'td, th')) inCell = true;
        // Only rows are put in it (never a <form>: hashing one costs as much).
        for (
          let p = closest.call(el, 'tr');
          p && !dirty.has(p);
          p = p.parentElement && closest.call(p.parentElement, 'tr')
        )
          dirty.add(p);
      }
      for (const node of (changes?.added ?? []).filter(isLive))
        if (node.nodeType === 1) changesOf(node.ownerDocument!).added.push(node as Element);

      let docs = lastDocs;
      let frames = lastFrames;
      const walked = !last || !changes || !sameDocuments(perDoc);
      if (walked) {
        frames = [];
        docs = documentsOf(doc, frames);
        lastShown = new Map(frames.map((f) => [f, shownDocument(f)]));
      }
      // The tables, likewise, when the documents stand, no table came and none went (~0.5 ms a walk at 2,000 controls).
      if (walked || addedAny(perDoc, 'table') || !lastTables?.every(isLive)) lastTables = undefined;
      let entriesChanged = docs.length !== lastDocs.length || docs.some((d, i) => d !== lastDocs[i]);
      const entries = docs.map((d) => {
        const got = index.entries(d, perDoc.get(d) ?? { targets: [], added: [] });
        if (got.changed) entriesChanged = true;
        return got.entries;
      });
      lastDocs = docs;
      lastFrames = frames;
      // Only text changed, in no label, heading or table cell: every field is where it was.
      if (last && changes && !changes.controls && !entriesChanged && !inCell && !byName) return last;

      const top = candidatesOf(entries[0] ?? [], '');
      const outer = frameSections(
        frames.filter((f) => f.ownerDocument === doc),
        top,
      );
      const byKey = new Map<string, KeyedCandidate[]>();
      docs.forEach((d, i) => {
        for (const c of i === 0 ? top : candidatesOf(entries[i]!, outer.get(d) ?? '')) {
          const key = labelKey(c.text, words);
          if (!wantedKeys.has(key)) continue;
          const keyed = { ...c, key, canon: canonical(c.text), sectionCanon: canonical(c.section) };
          const same = byKey.get(key);
          if (same) same.push(keyed);
          else byKey.set(key, [keyed]);
        }
      });
      const controlsByDoc = new Map<Document, Control[]>();
      const controlsOf = (d: Document) => {
        const known = controlsByDoc.get(d);
        if (known) return known;
        const cs = controlsIn(d);
        controlsByDoc.set(d, cs);
        return cs;
      };
      const read: RowReader = {
        hasControls(row) {
          const known = dirty.has(row) ? undefined : rowsWithControls.get(row);
          if (known !== undefined) return known;
          const has = controlsIn(row).length > 0;
          rowsWithControls.set(row, has);
          return has;
        },
        cells(row, columns, key) {
          const known = dirty.has(row) ? undefined : rowCells.get(row);
          if (known?.key === key) return known.row;
          const got = readRowCells(row, columns);
          rowCells.set(row, { key, row: got });
          return got;
        },
      };

      // Found once for all the lists, and only on a page that has lists.
      const tables = () => (lastTables ??= docs.flatMap((d) => Array.from(d.querySelectorAll('table'))));
      const used = new Set<Element>();
      const pathOf = new WeakMap<Element, string>();
      const missing: string[] = [];
      const lists: LocatedList[] = [];
      for (const spec of fieldMap.lists ?? []) {
        const list = locateList(spec, tables(), words, read);
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
        const hit = locateField(spec, byKey, docs, controlsOf, used, words);
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
      const map = { fields, lists, missing, ambiguous, unlinked, pathOf };
      last = last && changedPaths(last, map).length === 0 ? last : map;
      return last;
    },
  };
}

export type Locator = ReturnType<typeof createLocator>;

/** The whole page located at once (a locator's first locate). */
export function locateFields(doc: Document, fieldMap: LocateMap): PageMap {
  return createLocator(doc, fieldMap).locate();
}

const sameControls = (a: readonly Element[] | undefined, b: readonly Element[] | undefined) =>
  !!a && !!b && a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * The paths whose location differs between two maps of the page: fields and lists with other controls, another label
 * or section, or found in one and not the other (missing, ambiguous, lost); list rows ("participants.7") where only
 * rows differ. What must be read again.
 */
export function changedPaths(before: PageMap, after: PageMap): string[] {
  const out = new Set<string>();
  const fieldsBefore = new Map(before.fields.map((f) => [f.spec.path, f]));
  const fieldsAfter = new Map(after.fields.map((f) => [f.spec.path, f]));
  for (const [path, f] of fieldsAfter) {
    const b = fieldsBefore.get(path);
    if (!b || b.label !== f.label || b.section !== f.section || !sameControls(b.controls, f.controls)) out.add(path);
  }
  for (const path of fieldsBefore.keys()) if (!fieldsAfter.has(path)) out.add(path);
  const listsBefore = new Map(before.lists.map((l) => [l.spec.path, l]));
  const listsAfter = new Map(after.lists.map((l) => [l.spec.path, l]));
  for (const [path, l] of listsAfter) {
    const b = listsBefore.get(path);
    if (!b || b.headers.size !== l.headers.size || [...l.headers].some(([col, h]) => b.headers.get(col) !== h)) {
      out.add(path);
      continue;
    }
    // Same columns: the rows located differently, by index ("participants.7"); rows gone at the end, by the first.
    l.rows.forEach((cells, i) => {
      const was = b.rows[i];
      const same =
        cells === was ||
        (was &&
          cells.size === was.size &&
          [...cells].every(([col, cs]) => sameControls(was.get(col), cs)) &&
          [...l.texts[i]!].every(([col, t]) => b.texts[i]?.get(col) === t));
      if (!same) out.add(`${path}.${i}`);
    });
    if (b.rows.length > l.rows.length) out.add(`${path}.${l.rows.length}`);
  }
  for (const path of listsBefore.keys()) if (!listsAfter.has(path)) out.add(path);
  const key = (a: AmbiguousField) => `${a.path}\u0000${a.labels.join('\u0000')}`;
  const ambiguousBefore = new Set(before.ambiguous.map(key));
  const ambiguousAfter = new Set(after.ambiguous.map(key));
  for (const a of after.ambiguous) if (!ambiguousBefore.has(key(a))) out.add(a.path);
  for (const a of before.ambiguous) if (!ambiguousAfter.has(key(a))) out.add(a.path);
  const unlinkedBefore = new Set(before.unlinked);
  const unlinkedAfter = new Set(after.unlinked);
  for (const p of after.unlinked) if (!unlinkedBefore.has(p)) out.add(p);
  for (const p of before.unlinked) if (!unlinkedAfter.has(p)) out.add(p);
  return [...out];
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
