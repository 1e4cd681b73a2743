import { type LocatedList, type PageMap, controlsIn, documentsOf } from '../locate';
import { normalizeLabel } from '../text';
import { nextTurn } from './turn';

/**
 * Growing a repeatable table (参与单位, 附件) until it holds as many rows as the draft, by clicking the
 * page's own 添加 button: the page's script (or framework) builds the row, names its controls and
 * keeps its own row count, which a row we cloned ourselves would not.
 */

const BUTTON_SELECTOR = 'input[type=button], input[type=submit], button';
const ADD_WORDS = /^[+＋]?(添加|增加|新增)/;
/** How long a click may take to show its row (a framework renders after the event) */
const ROW_WAIT_MS = 1000;
const POLL_MS = 10;

function isAddButton(el: Element): boolean {
  const text = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : (el.textContent ?? '');
  return ADD_WORDS.test(normalizeLabel(text)) && !(el as HTMLButtonElement).disabled;
}

/** Rows needed per list: one past the highest index among the draft's "participants.N.col" keys. */
export function rowsNeeded(map: PageMap, keys: string[]): Map<LocatedList, number> {
  const needed = new Map<LocatedList, number>();
  for (const list of map.lists) {
    const prefix = `${list.spec.path}.`;
    for (const key of keys) {
      if (!key.startsWith(prefix)) continue;
      const index = Number(key.slice(prefix.length).split('.')[0]);
      if (Number.isInteger(index)) needed.set(list, Math.max(needed.get(list) ?? 0, index + 1));
    }
  }
  return needed;
}

/** The table a located list was read from: by one of its controls, or (no rows yet) by its header texts. */
export function tableOf(list: LocatedList, doc: Document): HTMLTableElement | undefined {
  for (const cells of list.rows) {
    for (const controls of cells.values()) {
      const table = controls[0]?.closest('table');
      if (table) return table;
    }
  }
  const headers = [...list.headers.values()];
  for (const d of documentsOf(doc)) {
    for (const table of Array.from(d.querySelectorAll('table'))) {
      const hit = Array.from(table.rows).some((row) => {
        const texts = Array.from(row.cells).map((c) => normalizeLabel(c.textContent ?? ''));
        return headers.every((h) => texts.includes(h));
      });
      if (hit) return table;
    }
  }
  return undefined;
}

/**
 * The table's 添加 button: inside the table, else the first one after it, before the next table that
 * holds form controls (the next section, whose button is not ours).
 */
export function addButtonOf(table: HTMLTableElement): HTMLElement | undefined {
  const inside = Array.from(table.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)).find(isAddButton);
  if (inside) return inside;
  let after: Element | null = table;
  while (after && !after.nextElementSibling) after = after.parentElement;
  after = after?.nextElementSibling ?? null;
  if (!after) return undefined;
  const doc = table.ownerDocument;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = after;
  for (let el: Element | null = after; el; el = walker.nextNode() as Element | null) {
    if (el.tagName === 'TABLE' && controlsIn(el).length) return undefined;
    if (el.matches(BUTTON_SELECTOR) && isAddButton(el)) return el as HTMLElement;
  }
  return undefined;
}

function rowCount(table: HTMLTableElement): number {
  return Array.from(table.rows).filter((row) => controlsIn(row).length).length;
}

/** Waits until the table has more than `than` rows; false if the page did not add one in time. */
async function rowAdded(doc: Document, table: HTMLTableElement, than: number): Promise<boolean> {
  for (let waited = 0; waited <= ROW_WAIT_MS; waited += POLL_MS) {
    await nextTurn(doc, waited ? POLL_MS : 0);
    if (rowCount(table) > than) return true;
  }
  return false;
}

/**
 * Clicks each list's 添加 button until the page shows the rows the draft holds. One click at a time,
 * waiting for its row, so a framework that reads its row count from its last render adds every row.
 * Returns whether any row was added (the caller then locates the fields again).
 */
export async function addMissingRows(doc: Document, map: PageMap, keys: string[]): Promise<boolean> {
  let added = false;
  for (const [list, needed] of rowsNeeded(map, keys)) {
    if (list.rows.length >= needed) continue;
    const table = tableOf(list, doc);
    const button = table && addButtonOf(table);
    if (!table || !button) continue; // its rows stay missing in the report
    for (let missing = needed - list.rows.length; missing > 0; missing--) {
      const before = rowCount(table);
      button.click();
      if (!(await rowAdded(doc, table, before))) break;
      added = true;
    }
  }
  return added;
}
