import type { Application } from '../application/model';
import { directionFacts } from '../engine/context';
import { rulesFor } from '../engine/evaluate';
import type { Finding } from '../engine/finding';
import { formatFinding } from '../engine/format';
import { type MessageId, t } from '../i18n/pageMessages';
import type { Contact, Direction, RuleKind, RulePack, Section } from '../packs/schema';
import { beijingDateTime } from './time';
import {
  type Checklist,
  type FindingStatus,
  type Lang,
  type Severity,
  severityLabels,
  statusLabels,
} from '../core/vocabulary';

/**
 * The pre-review self-check report (形式审查自查表) of one application and direction: plain data with every
 * text already in the report's language, so the Markdown and HTML renderers only lay it out.
 * Pack, draft and user strings are kept raw here; each renderer escapes them for its own format.
 */
export interface Report {
  lang: Lang;
  title: string;
  /** ISO timestamp as given, and as shown (Beijing time) */
  generatedAt: string;
  generatedAtText: string;
  guideline: { packId: string; version: number; title: string };
  direction: { code: string; title: string };
  application: { id?: string; projectName?: string; leadUnit?: string; pi?: string };
  /** 拟支持项目数, 共拟支持经费, 平均每项, 执行期: label and value, in the report's language */
  facts: { label: string; value: string }[];
  contacts: Contact[];
  sections: ReportSection[];
  totals: ReportTotals;
}

export interface ReportSection {
  section: Section;
  label: string;
  items: ReportItem[];
}

export interface ReportItem {
  ruleId: string;
  kind: RuleKind;
  section: Section;
  status: FindingStatus;
  statusLabel: string;
  severity: Severity;
  severityLabel: string;
  title: string;
  /** The rule's message with the deciding values filled in; only for a failed rule */
  problem?: string;
  quote: string;
  /** Empty fields that keep the rule undecided (信息不全) */
  missing: string[];
  owner?: string;
  confirmation?: { by?: string; at: string; atText: string; note?: string };
  /** For document rules: ready per the checklist, or attached in the application (with the file name when known) */
  document?: { ready: boolean; at?: string; atText?: string; attached: boolean; attachmentName?: string };
  acknowledgement?: { reason: string; by?: string; at: string; atText: string };
}

export interface ReportTotals {
  rules: number;
  byStatus: Record<FindingStatus, number>;
  /** Severity × status, for the totals table */
  bySeverity: Record<Severity, Record<FindingStatus, number>>;
  /** Failed rules the team acknowledged with a reason */
  acknowledged: number;
}

export interface ReportInput {
  pack: RulePack;
  direction: Direction;
  /** evaluate(pack, direction.code, application, checklist); a rule without a finding is reported as 信息不全 */
  findings: Finding[];
  checklist?: Checklist;
  application?: Application;
  lang?: Lang;
  /** ISO timestamp; passed in so the builder stays pure */
  generatedAt: string;
  /** 申报编号 and 项目名称 as the portal shows them; they win over the application's own */
  applicationId?: string;
  projectName?: string;
}

/** Form sections in the order the applicant meets them on the portal. */
export const sectionOrder: Section[] = [
  'basic',
  'leadUnit',
  'participants',
  'pi',
  'foreignPartner',
  'budget',
  'attachments',
  'cooperation',
];
/** The totals table's columns. */
export const statusOrder: FindingStatus[] = ['pass', 'fail', 'confirm', 'unknown', 'na'];

export function statusLabel(status: FindingStatus, lang: Lang): string {
  return statusLabels[status][lang];
}

export function severityLabel(severity: Severity, lang: Lang): string {
  return severityLabels[severity][lang];
}

export function buildReport(input: ReportInput): Report {
  const { pack, direction, checklist, application } = input;
  const lang = input.lang ?? 'zh';
  const findings = new Map(input.findings.map((f) => [f.ruleId, f]));
  const items = rulesFor(pack, direction).map((rule): ReportItem => {
    const finding = findings.get(rule.id);
    const status = finding?.status ?? 'unknown';
    const item: ReportItem = {
      ruleId: rule.id,
      kind: rule.kind,
      section: rule.section,
      status,
      statusLabel: statusLabel(status, lang),
      severity: rule.severity,
      severityLabel: severityLabel(rule.severity, lang),
      title: rule.title[lang],
      quote: rule.quote,
      missing: finding?.missing ?? [],
    };
    if (finding && status === 'fail') item.problem = formatFinding(finding, rule, lang);
    const owner = checklist?.owners[rule.id]?.trim();
    if (owner) item.owner = owner;
    const confirmation = checklist?.confirmations[rule.id];
    if (confirmation) item.confirmation = { ...confirmation, atText: beijingDateTime(confirmation.at) };
    if (rule.kind === 'document') item.document = documentState(finding, checklist?.documents[rule.id]);
    const acknowledgement = checklist?.acknowledgements[rule.id];
    if (acknowledgement) item.acknowledgement = { ...acknowledgement, atText: beijingDateTime(acknowledgement.at) };
    return item;
  });
  const projectName =
    input.projectName ?? (lang === 'en' ? application?.project.nameEn : undefined) ?? application?.project.nameZh;
  return {
    lang,
    title: t(lang, 'reportTitle'),
    generatedAt: input.generatedAt,
    generatedAtText: t(lang, 'reportBeijingTime', { time: beijingDateTime(input.generatedAt) }),
    guideline: { packId: pack.id, version: pack.version, title: pack.title[lang] },
    direction: { code: direction.code, title: direction.title[lang] },
    application: withoutEmpty({
      id: input.applicationId,
      projectName,
      leadUnit: application?.leadUnit.name,
      pi: application?.pi.name,
    }),
    facts: fundingFacts(direction, lang),
    contacts: direction.contacts,
    sections: sectionOrder
      .map((section) => ({
        section,
        label: t(lang, `section_${section}` as MessageId),
        items: items.filter((i) => i.section === section),
      }))
      .filter((s) => s.items.length > 0),
    totals: totalsOf(items),
  };
}

function documentState(
  finding: Finding | undefined,
  entry: Checklist['documents'][string] | undefined,
): NonNullable<ReportItem['document']> {
  const evidence = finding?.evidence?.source === 'attachment' ? finding.evidence : undefined;
  const state: NonNullable<ReportItem['document']> = {
    ready: Boolean(evidence) || Boolean(entry?.ready),
    attached: Boolean(evidence),
  };
  if (evidence?.note) state.attachmentName = evidence.note;
  if (entry) Object.assign(state, { at: entry.at, atText: beijingDateTime(entry.at) });
  return state;
}

/** The direction's money and duration as printed, plus the average per project the checks compare against. */
function fundingFacts(direction: Direction, lang: Lang): Report['facts'] {
  const facts: Report['facts'] = [];
  if (direction.plannedProjects)
    facts.push({ label: t(lang, 'plannedProjects'), value: direction.plannedProjects.text });
  if (direction.totalBudget)
    facts.push({ label: t(lang, 'totalBudget'), value: t(lang, 'wan', { n: direction.totalBudget.amount }) });
  const perProject = directionFacts(direction).fundingPerProject;
  if (perProject !== undefined)
    facts.push({ label: t(lang, 'perProject'), value: `≈ ${t(lang, 'wan', { n: Math.round(perProject) })}` });
  if (direction.durationText) facts.push({ label: t(lang, 'reportDuration'), value: direction.durationText });
  return facts;
}

function totalsOf(items: ReportItem[]): ReportTotals {
  const zero = (): Record<FindingStatus, number> => ({ pass: 0, fail: 0, confirm: 0, unknown: 0, na: 0 });
  const totals: ReportTotals = {
    rules: items.length,
    byStatus: zero(),
    bySeverity: { error: zero(), warning: zero(), info: zero() },
    acknowledged: 0,
  };
  for (const item of items) {
    totals.byStatus[item.status]++;
    totals.bySeverity[item.severity][item.status]++;
    if (item.status === 'fail' && item.acknowledgement) totals.acknowledged++;
  }
  return totals;
}

function withoutEmpty<T extends Record<string, string | undefined>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v.trim() !== '')) as Partial<T>;
}

/** Status marks that survive black-and-white printing and plain text. */
export const statusMarks: Record<FindingStatus, string> = {
  pass: '✔',
  fail: '✘',
  confirm: '？',
  unknown: '…',
  na: '—',
};
