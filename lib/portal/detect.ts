import { documentsOf } from './locate';
import type { FieldMap } from './fieldMapSchema';
import { normalizeLabel, toHalfWidth } from './text';

/**
 * Is this page an application form of the portal? Cheap first (any form control at all?), then the
 * page signature: enough of the fieldMap's signature labels (or their synonyms) printed on the page. Other pages of the
 * host (notices, lists, login) leave the extension dormant.
 */
export function isApplicationForm(doc: Document, fieldMap: Pick<FieldMap, 'signature' | 'labelWords'>): boolean {
  const docs = documentsOf(doc);
  if (!docs.some((d) => d.querySelector('input:not([type=hidden]), select, textarea'))) return false;
  const text = docs.map((d) => normalizeLabel(d.body?.textContent ?? '')).join('');
  // A signature label counts in any wording the synonym table knows for it (申报方向 for 指南方向).
  const synonyms = fieldMap.labelWords?.synonyms ?? {};
  const hits = fieldMap.signature.labels.filter((label) =>
    [label, ...(synonyms[label] ?? [])].some((words) => text.includes(normalizeLabel(words))),
  ).length;
  return hits >= fieldMap.signature.minMatches;
}

/** The application id: a 申报编号 printed on the page, else a URL parameter, else the path. */
export function applicationIdOf(doc: Document, fieldMap: Pick<FieldMap, 'applicationId'>): string {
  for (const d of documentsOf(doc)) {
    for (const cell of Array.from(d.querySelectorAll('td, th, label, span, dt, div'))) {
      const label = normalizeLabel(cell.textContent ?? '');
      if (!fieldMap.applicationId.labels.some((l) => label === normalizeLabel(l))) continue;
      const next = cell.nextElementSibling;
      const value = next?.querySelector('input')?.value ?? next?.textContent ?? '';
      const id = toHalfWidth(value).trim();
      if (id) return id;
    }
  }
  const url = new URL(doc.location?.href ?? 'about:blank');
  for (const p of fieldMap.applicationId.urlParams) {
    const v = url.searchParams.get(p);
    if (v) return v;
  }
  return url.pathname;
}
