import { t } from '../i18n/pageMessages';
import type { Report, ReportItem } from './model';
import type { Lang } from '../core/vocabulary';

/** One labelled line under a requirement; `value` is raw text that each renderer escapes. */
export interface ItemRecord {
  kind:
    | 'problem'
    | 'explain'
    | 'missing'
    | 'owner'
    | 'confirmation'
    | 'note'
    | 'document'
    | 'acknowledgement'
    | 'source';
  label: string;
  value: string;
}

/** What the team and the engine recorded for a requirement, in reading order (the quote is rendered apart). */
export function itemRecords(item: ReportItem, lang: Lang): ItemRecord[] {
  const join = (parts: (string | undefined)[]) =>
    parts.filter((p): p is string => Boolean(p?.trim())).join(lang === 'zh' ? '，' : ', ');
  const records: ItemRecord[] = [];
  if (item.problem) records.push({ kind: 'problem', label: t(lang, 'reportProblem'), value: item.problem });
  if (item.status === 'unknown' && item.missing.length)
    records.push({
      kind: 'missing',
      label: t(lang, 'reportMissing'),
      value: item.missing.join(lang === 'zh' ? '、' : ', '),
    });
  if (item.explain) records.push({ kind: 'explain', label: t(lang, 'howToFix'), value: item.explain });
  if (item.owner) records.push({ kind: 'owner', label: t(lang, 'reportOwner'), value: item.owner });
  if (item.confirmation) {
    records.push({
      kind: 'confirmation',
      label: t(lang, 'confirmed'),
      value: join([item.confirmation.by, item.confirmation.atText]),
    });
    if (item.confirmation.note?.trim())
      records.push({ kind: 'note', label: t(lang, 'reportNote'), value: item.confirmation.note });
  }
  if (item.document) {
    const d = item.document;
    const attached = d.attached ? join([t(lang, 'reportAttached'), d.attachmentName]) : undefined;
    const state = d.ready ? join([t(lang, 'documentReady'), d.by, d.atText]) : t(lang, 'documentNotReady');
    records.push({ kind: 'document', label: t(lang, 'reportDocument'), value: attached ?? state });
  }
  if (item.acknowledgement) {
    const a = item.acknowledgement;
    records.push({
      kind: 'acknowledgement',
      label: t(lang, 'acknowledged'),
      value: `${a.reason}${lang === 'zh' ? `（${join([a.by, a.atText])}）` : ` (${join([a.by, a.atText])})`}`,
    });
  }
  if (item.source) records.push({ kind: 'source', label: t(lang, 'reportSource'), value: item.source });
  return records;
}

/** The label/value separator of the report's language. */
export function colonOf(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** The report's heading facts (guideline, direction, application) that are known, as label/value pairs. */
export function reportMeta(report: Report): [label: string, value: string][] {
  const { lang } = report;
  const meta: [string, string | undefined][] = [
    [
      t(lang, 'reportGuideline'),
      `${report.guideline.title} (${t(lang, 'reportPack', { id: report.guideline.packId, version: report.guideline.version })})`,
    ],
    ...report.packs.map((p): [string, string] => [
      t(lang, 'packsUsed'),
      [p.line, ...p.warnings].join(lang === 'zh' ? '；' : '; '),
    ]),
    [t(lang, 'reportDirection'), `${report.direction.code} ${report.direction.title}`],
    [t(lang, 'reportApplicationId'), report.application.id],
    [t(lang, 'reportProjectName'), report.application.projectName],
    [t(lang, 'reportLeadUnit'), report.application.leadUnit],
    [t(lang, 'reportPi'), report.application.pi],
    [t(lang, 'reportGeneratedAt'), report.generatedAtText],
  ];
  return meta.filter((m): m is [string, string] => !!m[1]);
}
