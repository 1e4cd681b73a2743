import type { Application } from '../application/model';
import { directionFacts } from '../engine/context';
import { sourcedRulesFor } from '../engine/evaluate';
import { packLine, packWarnings } from '../i18n/packSource';
import type { PackSummary } from '../packs/origin';
import type { Finding } from '../engine/finding';
import { findingMessage } from '../i18n/describe';
import { fieldLabel } from '../i18n/labels';
import { type MessageId, t } from '../i18n/pageMessages';
import { type Verdict, verdictIds, verdictOf, verdictOrder } from '../i18n/vocabulary';
import type { Contact, Direction, RuleKind, RulePack } from '../packs/schema';
import { beijingDateTime } from './time';
import {
  type Checklist,
  type FindingStatus,
  type Lang,
  type Section,
  type Severity,
  sections,
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
  /** The packs the requirements come from (the guideline's, then an institution's layers): version, origin, currency */
  packs: { id: string; line: string; warnings: string[] }[];
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
  /** The status in the one vocabulary: a failed rule by its severity (错误 / 警告 / 提示) */
  verdict: Verdict;
  statusLabel: string;
  severity: Severity;
  severityLabel: string;
  title: string;
  /** The rule's message with the deciding values filled in; only for a failed rule */
  problem?: string;
  quote: string;
  /** The rule's explanation: what it asks and how to satisfy it */
  explain?: string;
  /** Empty fields that keep the rule undecided (信息不全), by the form's labels */
  missing: string[];
  owner?: string;
  confirmation?: { by?: string; at: string; atText: string; note?: string };
  /** For document rules: ready per the checklist, or attached in the application (with the file name when known) */
  document?: {
    ready: boolean;
    by?: string;
    at?: string;
    atText?: string;
    attached: boolean;
    attachmentName?: string;
  };
  acknowledgement?: { reason: string; by?: string; at: string; atText: string };
  /** For a requirement another pack adds to the guideline (an institution's layer): that pack, version and origin */
  source?: string;
}

export interface ReportTotals {
  rules: number;
  byVerdict: Record<Verdict, number>;
  /** Failed rules the team acknowledged with a reason */
  acknowledged: number;
}

export interface ReportInput {
  pack: RulePack;
  direction: Direction;
  /** evaluate(pack, direction.code, application, checklist, layers); a rule without a finding is reported as 信息不全 */
  findings: Finding[];
  /** Other active packs adding rules to the direction (lib/packs/origin.ts layersFor) */
  layers?: readonly RulePack[];
  /** Version, origin and currency of the guideline's pack and the layers, as the background knows them */
  packs?: readonly PackSummary[];
  checklist?: Checklist;
  application?: Application;
  lang?: Lang;
  /** ISO timestamp; passed in so the builder stays pure */
  generatedAt: string;
  /** The portal form's own labels by application path (lib/i18n/labels.ts formTitlesOf), for 需填写 */
  formTitles?: ReadonlyMap<string, string>;
  /** 申报编号 and 项目名称 as the portal shows them; they win over the application's own */
  applicationId?: string;
  projectName?: string;
}

/** Form sections in the order the applicant meets them on the portal. */
export const sectionOrder: readonly Section[] = sections;
export { verdictOrder };

export function verdictLabel(verdict: Verdict, lang: Lang): string {
  return t(lang, verdictIds[verdict]);
}

const severityIds: Record<Severity, MessageId> = {
  error: 'verdict_error',
  warning: 'verdict_warning',
  info: 'verdict_info',
};

export function severityLabel(severity: Severity, lang: Lang): string {
  return t(lang, severityIds[severity]);
}

export function buildReport(input: ReportInput): Report {
  const { pack, direction, checklist, application } = input;
  const lang = input.lang ?? 'zh';
  const findings = new Map(input.findings.map((f) => [f.ruleId, f]));
  const summaries = new Map((input.packs ?? []).map((p) => [p.id, p]));
  const items = sourcedRulesFor(pack, direction, input.layers).map(({ rule, pack: from }): ReportItem => {
    const finding = findings.get(rule.id);
    const status = finding?.status ?? 'unknown';
    const verdict = verdictOf(status, rule.severity);
    const item: ReportItem = {
      ruleId: rule.id,
      kind: rule.kind,
      section: rule.section,
      status,
      verdict,
      statusLabel: verdictLabel(verdict, lang),
      severity: rule.severity,
      severityLabel: severityLabel(rule.severity, lang),
      title: rule.title[lang],
      quote: rule.quote,
      missing: [...new Set((finding?.missing ?? []).map((p) => fieldLabel(p, lang, input.formTitles)))],
    };
    if (rule.explain && status !== 'pass' && status !== 'na') item.explain = rule.explain[lang];
    if (finding && status === 'fail') item.problem = findingMessage(finding, rule, lang);
    const owner = checklist?.owners[rule.id]?.trim();
    if (owner) item.owner = owner;
    const confirmation = checklist?.confirmations[rule.id];
    if (confirmation) item.confirmation = { ...confirmation, atText: beijingDateTime(confirmation.at) };
    if (rule.kind === 'document') item.document = documentState(finding, checklist?.documents[rule.id]);
    const acknowledgement = checklist?.acknowledgements[rule.id];
    if (acknowledgement) item.acknowledgement = { ...acknowledgement, atText: beijingDateTime(acknowledgement.at) };
    const layer = from !== pack.id && from !== 'input' ? summaries.get(from) : undefined;
    if (layer) item.source = packLine(layer, lang);
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
    packs: [pack, ...(input.layers ?? [])]
      .map((p) => summaries.get(p.id))
      .filter((p) => p !== undefined)
      .map((p) => ({ id: p.id, line: packLine(p, lang), warnings: packWarnings(p, lang) })),
    direction: { code: direction.code, title: direction.title[lang] },
    application: withoutEmpty({
      id: input.applicationId,
      projectName,
      leadUnit: application?.leadUnit.name,
      pi: application?.pi.name,
    }),
    facts: fundingFacts(direction, lang),
    contacts: direction.contacts,
    sections: sections
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
  if (entry)
    Object.assign(state, { at: entry.at, atText: beijingDateTime(entry.at) }, entry.by ? { by: entry.by } : {});
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
  const totals: ReportTotals = {
    rules: items.length,
    byVerdict: Object.fromEntries(verdictOrder.map((v) => [v, 0])) as Record<Verdict, number>,
    acknowledged: 0,
  };
  for (const item of items) {
    totals.byVerdict[item.verdict]++;
    if (item.status === 'fail' && item.acknowledgement) totals.acknowledged++;
  }
  return totals;
}

function withoutEmpty<T extends Record<string, string | undefined>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v.trim() !== '')) as Partial<T>;
}
