import { type Control, type PageMap, controlsIn, documentsOf, hiddenPartner } from './locate';
import { addMissingRows } from './fill/rows';
import { nextTurn } from './fill/turn';
import { optionIndex, readBack, writeValue } from './fill/write';
import { widgetItem } from './fill/widget';
import { controlKey, legacyName } from './controlKey';
import { isLive } from './live';

/**
 * Filling the portal form from a draft or a profile (restore after a timeout, repeated data), so that the
 * page and its framework take the values as if typed. Reading the page is read.ts; this module only writes,
 * then reads back what the page kept. It never throws into the page: a field that fails is reported.
 */

export { profileToFields, type PersonSlot, type UnitSlot } from './fill/profile';

/**
 * Why the page did not keep a value: the control is read-only, disabled or a file upload; a list has no such option; the page
 * itself changed or cleared what was written (its validator, its framework, a date field refusing the format).
 */
export type NotTakenReason = 'locked' | 'noOption' | 'rejected';

function reasonFor(controls: Control[], wanted: string): NotTakenReason {
  const c = controls[0];
  if (!c) return 'rejected';
  // a readonly combobox takes only values its drop-down list offers
  if ((c as HTMLInputElement).readOnly && !c.disabled && hiddenPartner(c))
    return widgetItem(c as HTMLInputElement, wanted) ? 'rejected' : 'noOption';
  if (c.disabled || (c as HTMLInputElement).readOnly || (c as HTMLInputElement).type === 'file') return 'locked';
  if (c.tagName === 'SELECT' && optionIndex(c as HTMLSelectElement, wanted) < 0) return 'noOption';
  return 'rejected';
}

export interface FillReport {
  /** Keys the page now shows as the draft has them */
  filled: string[];
  /** Keys whose control did not keep the value, with why */
  notTaken: { key: string; wanted: string; got: string; reason: NotTakenReason }[];
  /** Keys with no control on the page */
  missing: string[];
}

export interface FillOptions {
  /** Locates the fields again; needed to fill table rows this call adds with the 添加 button */
  relocate?: () => PageMap;
}

/**
 * Controls the field map does not locate, by controlKey (how readRawValues keys them), and by their bare name for
 * drafts saved before keys carried their frame and section (only where that name is unique on the page). A located
 * control is never among them: a dialog's `dwmc` cannot restore into the main form's located 单位名称.
 */
function indexByName(doc: Document, map: PageMap): (key: string) => Control[] {
  const index = new Map<string, Control[]>();
  for (const d of documentsOf(doc)) {
    for (const c of controlsIn(d)) {
      if (map.pathOf.has(c)) continue;
      const key = controlKey(c);
      if (key) index.set(key, [...(index.get(key) ?? []), c]);
    }
  }
  const legacy = new Map<string, Control[][]>();
  for (const [key, controls] of index) legacy.set(legacyName(key), [...(legacy.get(legacyName(key)) ?? []), controls]);
  return (key) => {
    const exact = index.get(key);
    if (exact) return exact;
    const old = key.includes('›') ? undefined : legacy.get(key);
    return old?.length === 1 ? old[0]! : [];
  };
}

/** The controls a draft key names: a located field, a cell of a located list row, else a control's name/id. */
function controlsByKey(doc: Document, map: PageMap): (key: string) => Control[] {
  let byName: ((key: string) => Control[]) | undefined;
  return (key) => {
    const field = map.fields.find((f) => f.spec.path === key);
    if (field) return field.controls;
    const item = /^(.+)\.(\d+)\.([^.]+)$/.exec(key);
    const list = item && map.lists.find((l) => l.spec.path === item[1]);
    if (item && list) return list.rows[Number(item[2])]?.get(item[3]!) ?? [];
    byName ??= indexByName(doc, map);
    return byName(key);
  };
}

/**
 * Writes each draft value into its control, adding table rows first when the draft has more (only with
 * `relocate`, which maps the new rows), then reads every written key back after the page has had a turn.
 */
export async function fillForm(
  doc: Document,
  map: PageMap,
  fields: Record<string, string>,
  opts: FillOptions = {},
): Promise<FillReport> {
  const report: FillReport = { filled: [], notTaken: [], missing: [] };
  if (opts.relocate) {
    try {
      if (await addMissingRows(doc, map, Object.keys(fields))) map = opts.relocate();
    } catch {
      // rows that could not be added leave their keys in `missing`
    }
  }
  const controlsOf = controlsByKey(doc, map);
  const written: { key: string; wanted: string; controls: Control[] }[] = [];
  for (const [key, wanted] of Object.entries(fields)) {
    let controls: Control[] = [];
    try {
      controls = controlsOf(key);
    } catch {
      // a broken map: as if the page had no such control
    }
    if (!controls.length) {
      report.missing.push(key);
      continue;
    }
    try {
      writeValue(controls, wanted);
    } catch {
      // e.g. a page listener that throws: the read-back below says what the control holds
    }
    written.push({ key, wanted, controls });
  }
  await nextTurn(doc);
  // a framework may have replaced a control while rendering: look it up again in a fresh map
  let fresh: ((key: string) => Control[]) | undefined;
  const current = (key: string, controls: Control[]) => {
    if (!opts.relocate || controls.every(isLive)) return controls;
    fresh ??= controlsByKey(doc, opts.relocate());
    return fresh(key);
  };
  for (const { key, wanted, controls } of written) {
    let result = { taken: false, got: '' };
    let now = controls;
    try {
      now = current(key, controls);
      result = readBack(now, wanted);
    } catch {
      // a control we cannot read is not known to hold the value
    }
    if (result.taken) report.filled.push(key);
    else report.notTaken.push({ key, wanted, got: result.got, reason: reasonFor(now, wanted) });
  }
  return report;
}
