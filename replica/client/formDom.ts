import type { FormValues } from '../formValues';
import { rowCount } from './rows';

/**
 * Reading, filling and clearing the server-rendered form (plain and v2 pages) across the page and its
 * same-origin iframes, by control name, the way the portal's own scripts post and restore a form.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const NAMED = 'input[name]:not([type=hidden]):not([type=button]):not([type=file]), select[name], textarea[name]';

/** The page and its iframes' documents (all same-origin here). */
export function formDocuments(doc: Document): Document[] {
  const frames = Array.from(doc.querySelectorAll('iframe'))
    .map((f) => f.contentDocument)
    .filter((d): d is Document => !!d?.body);
  return [doc, ...frames];
}

/** Resolves once every iframe has loaded its page. */
export function framesLoaded(doc: Document): Promise<unknown> {
  return Promise.all(
    Array.from(doc.querySelectorAll('iframe')).map((f) =>
      f.contentDocument?.readyState === 'complete' && f.contentDocument.URL !== 'about:blank'
        ? undefined
        : new Promise((resolve) => f.addEventListener('load', resolve, { once: true })),
    ),
  );
}

function controls(docs: Document[]): Control[] {
  return docs.flatMap((d) => Array.from(d.querySelectorAll<Control>(NAMED)));
}

/** Tag checks, not instanceof: controls in the iframe belong to another window. */
function isChoice(c: Control): c is HTMLInputElement {
  return c.tagName === 'INPUT' && (c.type === 'radio' || c.type === 'checkbox');
}

export function collect(docs: Document[]): FormValues {
  const values: FormValues = {};
  for (const c of controls(docs)) {
    if (isChoice(c)) {
      if (c.type === 'checkbox')
        values[c.name] = [...((values[c.name] as string[] | undefined) ?? []), ...(c.checked ? [c.value] : [])];
      else if (c.checked || !(c.name in values)) values[c.name] = c.checked ? c.value : '';
    } else values[c.name] = c.value;
  }
  return values;
}

export function fill(docs: Document[], values: FormValues): void {
  for (const doc of docs) {
    for (const body of Array.from(doc.querySelectorAll<HTMLElement>('[data-repeat]'))) {
      const key = body.dataset.repeat!;
      body.replaceChildren();
      for (let i = 0; i < rowCount(values, key); i++) addRow(doc, key);
    }
  }
  for (const c of controls(docs)) {
    const value = values[c.name];
    if (value === undefined) continue;
    if (isChoice(c)) c.checked = Array.isArray(value) ? value.includes(c.value) : value === c.value;
    else c.value = Array.isArray(value) ? (value[0] ?? '') : value;
    // let the page's own listeners (e.g. the budget total) see the restored value
    c.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** What a portal timeout leaves: every control empty, no table rows. */
export function clear(docs: Document[]): void {
  for (const doc of docs) for (const body of Array.from(doc.querySelectorAll('[data-repeat]'))) body.replaceChildren();
  for (const c of controls(docs)) {
    if (isChoice(c)) c.checked = false;
    else if (c.tagName === 'SELECT') (c as HTMLSelectElement).selectedIndex = 0;
    else c.value = '';
    c.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** Appends a row to repeatable table `key` from its <template>; returns the new row. */
export function addRow(doc: Document, key: string): HTMLElement {
  const body = doc.querySelector<HTMLElement>(`[data-repeat="${key}"]`)!;
  const template = doc.querySelector<HTMLTemplateElement>(`template[data-repeat-template="${key}"]`)!;
  const i = body.children.length;
  const holder = doc.createElement('tbody');
  holder.innerHTML = template.innerHTML.replaceAll('__i__', String(i)).replaceAll('__n__', String(i + 1));
  const row = holder.firstElementChild as HTMLElement;
  body.append(row);
  return row;
}

/** Removes a row and renumbers the rest, so names stay "key[0]…key[n-1]" as the server expects. */
export function deleteRow(row: Element): void {
  const body = row.parentElement!;
  row.remove();
  Array.from(body.children).forEach((r, i) => {
    const number = r.querySelector('.xh');
    if (number) number.textContent = String(i + 1);
    for (const c of Array.from(r.querySelectorAll<HTMLElement>('[name]'))) {
      c.setAttribute('name', c.getAttribute('name')!.replace(/\[\d+\]/, `[${i}]`));
      c.id = c.id.replace(/_ctl\d+_/, `_ctl${i}_`);
    }
  });
}

/** 提交's check: the 必填 controls (data-bt) left empty, with the label the message names. */
export function missingRequired(docs: Document[]): { control: Control; label: string }[] {
  const all = controls(docs);
  const missing: { control: Control; label: string }[] = [];
  for (const c of all) {
    const label = c.dataset.bt;
    if (!label) continue;
    const empty = isChoice(c)
      ? !all.some((o) => o.name === c.name && (o as HTMLInputElement).checked)
      : !c.value.trim();
    if (empty) missing.push({ control: c, label });
  }
  return missing;
}
