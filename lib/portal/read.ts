import type { Application } from '../application/model';
import { type Control, type PageMap, hiddenPartner, isChoice, labelOf } from './locate';
import { parseAmount, parseDate, parseUnitType, unitOfLabel } from './parse';
import type { FieldType } from './fieldMapSchema';
import { normalizeLabel } from './text';
import { controlKey } from './controlKey';
import { emptyApplication } from '../core/vocabulary';

/**
 * Reading the page into the application model. Writing into the page is lib/portal/fill.ts;
 * the two never share state.
 */

/** The text a control shows: a select's option text, a choice group's checked labels, else its value. */
export function displayValue(controls: Control[]): string {
  if (controls.length && controls.every(isChoice)) {
    return controls
      .filter((c) => (c as HTMLInputElement).checked)
      .map(choiceLabel)
      .join('、');
  }
  const c = controls[0];
  if (!c) return '';
  if (c.tagName === 'SELECT') {
    const select = c as HTMLSelectElement;
    const option = select.options[select.selectedIndex];
    return option && option.value !== '' ? (option.textContent ?? '').trim() : '';
  }
  return c.value.trim();
}

/** The words beside a radio or checkbox. */
export function choiceLabel(input: HTMLInputElement): string {
  const byFor = input.id ? input.ownerDocument.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  const text =
    byFor?.textContent ?? input.closest('label')?.textContent ?? input.nextSibling?.textContent ?? input.value;
  return (text ?? '').trim();
}

/** The optgroup label of a select's chosen option: which guideline a direction belongs to. */
export function selectedGroupLabel(controls: Control[]): string | undefined {
  const c = controls[0];
  if (c?.tagName !== 'SELECT') return undefined;
  const select = c as HTMLSelectElement;
  const group = select.options[select.selectedIndex]?.parentElement;
  return group?.tagName === 'OPTGROUP' ? (group as HTMLOptGroupElement).label : undefined;
}

function lookup(vocabulary: Record<string, string> = {}, text: string): string | undefined {
  const t = normalizeLabel(text);
  return Object.entries(vocabulary).find(([word]) => t.includes(normalizeLabel(word)))?.[1];
}

type Vocabularies = { memberships?: Record<string, string>; attachmentKinds?: Record<string, string> };

/** Converts a displayed value into the model's type; undefined when empty or unreadable. */
export function convert(text: string, type: FieldType, labelHint: string, vocab: Vocabularies): unknown {
  if (text === '' || text === '无') return undefined;
  switch (type) {
    case 'date':
      return parseDate(text);
    case 'amount':
      return parseAmount(text, unitOfLabel(labelHint));
    case 'number':
      return parseAmount(text, 'wan');
    case 'unitType':
      return parseUnitType(text);
    case 'memberships':
      return text
        .split('、')
        .map((t) => lookup(vocab.memberships, t))
        .filter((m): m is string => !!m);
    case 'attachmentKind':
      return lookup(vocab.attachmentKinds, text) ?? 'other';
    default:
      return text;
  }
}

/** Sets `value` at a dot path ("foreignPartners.0.name"), creating objects and arrays on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let obj: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, i) => {
    const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
    obj[key] ??= nextIsIndex ? [] : {};
    obj = obj[key] as Record<string, unknown>;
  });
  obj[keys.at(-1)!] = value;
}

/**
 * Sets `path` in `target` (already a copy), copying each object and array on the way instead of changing it: the
 * previous reading that shares them stays as it was. `undefined` deletes the value.
 */
export function setPathCopying(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const chain: Record<string, unknown>[] = [target];
  let obj = target;
  keys.slice(0, -1).forEach((key, i) => {
    const inner = obj[key];
    const copy = Array.isArray(inner) ? [...inner] : inner && typeof inner === 'object' ? { ...inner } : undefined;
    obj[key] = copy ?? (/^\d+$/.test(keys[i + 1]!) ? [] : {});
    obj = obj[key] as Record<string, unknown>;
    chain.push(obj);
  });
  if (value === undefined) delete obj[keys.at(-1)!];
  else obj[keys.at(-1)!] = value;
  // As a whole reading (setPath) has it: an item left without values ("foreignPartners.0" once its only field is
  // gone) is no item, and a list ends at its last item.
  for (let i = chain.length - 1; i && Array.isArray(chain[i - 1]) && !Object.keys(chain[i]!).length; i--) {
    const list = chain[i - 1] as unknown as unknown[];
    delete list[Number(keys[i - 1])];
    list.length = list.findLastIndex(Boolean) + 1;
  }
}

export interface PageReading {
  application: Application;
  /** The direction as the page shows it (option text) and the guideline group it is listed under */
  directionText?: string;
  directionGroup?: string;
  /** Each list's items, one per table row (empty rows too): a keystroke in a row re-reads that row only */
  listRows: Record<string, Record<string, unknown>[]>;
}

type PageList = PageMap['lists'][number];

/** One table row of a list as an item. */
function readRow(list: PageList, row: number, vocab: Vocabularies): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  const cells = list.rows[row]!;
  for (const col of list.spec.columns) {
    const controls = cells.get(col.path);
    if (!controls) continue;
    // A cell the page shows as text (a row a dialog added, a readonly cell) is read as the user sees it.
    const text = (controls.length ? displayValue(controls) : '') || (list.texts[row]?.get(col.path) ?? '');
    const value = convert(text, col.type ?? 'text', list.headers.get(col.path) ?? '', vocab);
    if (value !== undefined) item[col.path] = value;
  }
  return item;
}

/** The list's items: its rows with no value left out. */
const itemsOf = (rows: Record<string, unknown>[]) => rows.filter((item) => Object.keys(item).length > 0);

function readField(reading: PageReading, field: PageMap['fields'][number], vocab: Vocabularies, set: SetValue): void {
  const { spec, controls, label } = field;
  const text = displayValue(controls);
  if (spec.path === 'direction') {
    reading.directionText = text || undefined;
    reading.directionGroup = selectedGroupLabel(controls);
    return;
  }
  set(spec.path, convert(text, spec.type ?? 'text', label, vocab));
}

type SetValue = (path: string, value: unknown) => void;

/** Reads every located field and list row into a fresh application. */
export function readApplication(map: PageMap, vocab: Vocabularies): PageReading {
  const app: Record<string, unknown> = emptyApplication();
  const reading: PageReading = { application: app as Application, listRows: {} };
  const set: SetValue = (path, value) => value !== undefined && setPath(app, path, value);
  for (const field of map.fields) readField(reading, field, vocab, set);
  for (const list of map.lists) {
    const rows = list.rows.map((_, i) => readRow(list, i, vocab));
    reading.listRows[list.spec.path] = rows;
    setPath(app, list.spec.path, itemsOf(rows));
  }
  return reading;
}

/**
 * `previous` with only the paths in `changed` read again (a field, a list, a list row's cell such as
 * "participants.7.name", or a group such as "foreignPartners"): a keystroke reads its own field or row, not the form.
 * Objects on a changed path are copied, never mutated, so earlier readings stay as they were.
 */
export function rereadPaths(map: PageMap, vocab: Vocabularies, previous: PageReading, changed: string[]): PageReading {
  const app: Record<string, unknown> = { ...(previous.application as Record<string, unknown>) };
  const reading: PageReading = { ...previous, application: app as Application, listRows: { ...previous.listRows } };
  const set: SetValue = (path, value) => setPathCopying(app, path, value);
  const under = (path: string) => changed.some((p) => path === p || path.startsWith(`${p}.`));
  for (const field of map.fields) if (under(field.spec.path)) readField(reading, field, vocab, set);
  for (const list of map.lists) {
    const path = list.spec.path;
    const before = previous.listRows[path];
    const rows = new Set<number>();
    for (const p of changed) {
      const row = p.startsWith(`${path}.`) ? /^(\d+)(\.|$)/.exec(p.slice(path.length + 1)) : null;
      if (row) rows.add(Number(row[1]));
    }
    if (!under(path) && !rows.size) continue;
    let next: Record<string, unknown>[];
    if (under(path) || !before) next = list.rows.map((_, i) => readRow(list, i, vocab));
    else {
      // Rows came or went at the end: the rows the page has now, the new ones read.
      next = before.slice(0, list.rows.length);
      for (let i = next.length; i < list.rows.length; i++) next.push(readRow(list, i, vocab));
      for (const i of rows) if (i < before.length && i < next.length) next[i] = readRow(list, i, vocab);
    }
    reading.listRows[path] = next;
    app[path] = itemsOf(next);
  }
  return reading;
}

/**
 * The draft values one changed control stands for: its own key, read with its whole radio/checkbox group. What a
 * keystroke reads, instead of the whole form.
 */
export function readControlValues(map: PageMap, control: Control): Record<string, string> {
  return readControlsValues(map, [control]);
}

/** The draft values of some controls, each radio or checkbox read with its whole group. */
export function readControlsValues(
  map: PageMap,
  controls: Control[],
  labels?: Record<string, string>,
): Record<string, string> {
  const all = new Set<Control>();
  for (const c of controls) {
    if (isChoice(c) && c.name)
      for (const g of Array.from(c.ownerDocument.getElementsByName(c.name))) isChoice(g) && all.add(g);
    else all.add(c);
  }
  return readRawValues(map, [...all], labels);
}

/**
 * Raw values of every control on the page, for the draft: keyed by model path where known, else by controlKey.
 * `labels` gains the printed label of each controlKey-keyed control it does not hold yet (the first control of a
 * choice group stands where the group's label is).
 */
export function readRawValues(
  map: PageMap,
  controls: Control[],
  labels?: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of controls) {
    // Read-only fields are the page's own (totals, uploaded file names): nothing the user typed, nothing to restore;
    // except a widget's readonly text box paired with its hidden value (a combobox): that is the user's choice.
    if ((c as HTMLInputElement).readOnly && !hiddenPartner(c)) continue;
    if (c.disabled || (c as HTMLInputElement).type === 'file') continue;
    const path = map.pathOf.get(c);
    const key = path ?? controlKey(c);
    if (!key) continue;
    if (labels && !path && !Object.hasOwn(labels, key)) labels[key] = labelOf(c) ?? '';
    if (isChoice(c)) {
      if ((c as HTMLInputElement).checked) out[key] = out[key] ? `${out[key]}、${choiceLabel(c)}` : choiceLabel(c);
      else out[key] ??= '';
    }
    // A select by its option's text (单位性质 高等院校, not the portal's code 2): what the draft shows and restores by.
    else out[key] = c.tagName === 'SELECT' ? displayValue([c]) : c.value;
  }
  return out;
}
