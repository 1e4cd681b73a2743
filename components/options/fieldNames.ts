import { fieldLabel, formTitlesOf } from '@/lib/i18n/labels';
import type { Lang } from '@/lib/core/vocabulary';
import { t } from '@/lib/i18n/pageMessages';
import { bundledFieldMap } from '@/lib/portal/bundledFieldMap';
import { LABELS_KEY } from '@/lib/portal/controlKey';
import type { FieldSpec } from '@/lib/portal/fieldMapSchema';

const formTitles = formTitlesOf(bundledFieldMap);
const modelRoots = /^(project|leadUnit|participants|pi|foreignPartners|budget|attachments|units|direction)\b/;

/**
 * A saved field by the form's label ("项目负责人职称"). A control the field map does not know was saved under its
 * place and its own name ("一、基本信息›xmxx.sszx", lib/portal/controlKey.ts): shown by the label the page printed
 * beside it (`labels`, the draft's LABELS_KEY, or a key made of its label, "@单位地址") after its section, else as a
 * field of its section, never by the page's internal name.
 */
export function savedFieldLabel(key: string, lang: Lang, labels: Record<string, string> = {}): string {
  if (modelRoots.test(key)) return fieldLabel(key, lang, formTitles);
  const cut = key.lastIndexOf('›');
  const name = key.slice(cut + 1);
  const recorded = labels[key];
  const label = (typeof recorded === 'string' && recorded) || (name.startsWith('@') ? name.slice(1) : '');
  // The scope is frames (the page's own identifiers) then the heading or dialog title the applicant saw.
  const parts = (cut < 0 ? '' : key.slice(0, cut)).split('/');
  const firstWords = parts.findIndex((part) => !/^[\w-]*$/.test(part));
  const section =
    firstWords < 0
      ? ''
      : parts
          .slice(firstWords)
          .join('/')
          .replace(/^dialog:/, '');
  if (label) return section && section !== label ? `${section} · ${label}` : label;
  return section ? t(lang, 'optFieldIn', { section }) : t(lang, 'optFieldElsewhere');
}

/** The printed labels a draft recorded for the page's controls the field map does not know (empty if none). */
export function savedLabels(fields: Record<string, string>): Record<string, string> {
  try {
    const labels: unknown = JSON.parse(fields[LABELS_KEY] ?? '{}');
    return typeof labels === 'object' && labels !== null ? (labels as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const fieldSpecs = new Map<string, FieldSpec>([
  ...bundledFieldMap.fields.map((f) => [f.path, f] as const),
  ...(bundledFieldMap.lists ?? []).flatMap((l) => l.columns.map((c) => [`${l.path}.${c.path}`, c] as const)),
]);

/**
 * A saved value as the form showed it: a select's code kept by drafts saved before selects were saved by their
 * text (单位性质 2 → 高等院校, 国家/地区 GJ005 → 奥地利), through the field map's options. Nothing saved changes.
 */
export function savedFieldValue(key: string, value: string): string {
  const spec = fieldSpecs.get(key) ?? fieldSpecs.get(key.replace(/\.\d+\./, '.'));
  return spec?.options?.[value] ?? value;
}

const order = [...fieldSpecs.keys()];

/** Where a saved field comes in the form: [place of its field or list, row, column]; the page's other controls last. */
function rank(key: string): [number, number, number] {
  const at = order.indexOf(key);
  if (at >= 0) return [at, 0, 0];
  const row = /^([^.]+)\.(\d+)\./.exec(key);
  const column = order.indexOf(key.replace(/\.\d+\./, '.'));
  if (!row || column < 0) return [order.length, 0, 0];
  return [order.findIndex((k) => k.startsWith(`${row[1]}.`)), Number(row[2]), column];
}

/** Saved fields in the form's order (the field map's), list rows in turn; the page's other controls after them. */
export function compareSavedFields(a: string, b: string): number {
  const [ra, rb] = [rank(a), rank(b)];
  return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || a.localeCompare(b);
}
