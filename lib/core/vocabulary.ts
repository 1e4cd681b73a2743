/**
 * The words every context shares (content script, background, extension pages, CLI), as plain types and
 * values: no zod, no Dexie, no DOM, so the content script can import them. Their schemas are in ./schemas.ts.
 */
import type { Application } from '../application/model';

/** The UI language: Chinese first, English second. */
export type Lang = 'zh' | 'en';
export const langs = ['zh', 'en'] as const satisfies readonly Lang[];

/** A message for people, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * A rule's verdict. pass / fail: decided from the fields; confirm: waits for a person's confirmation or a
 * document; na: the rule's `when` does not hold; unknown: a field it needs is empty.
 */
export type FindingStatus = 'pass' | 'fail' | 'confirm' | 'na' | 'unknown';

/** Form sections in the order the applicant meets them on the portal: findings are grouped by them. */
export const sections = [
  'basic',
  'leadUnit',
  'participants',
  'pi',
  'foreignPartner',
  'budget',
  'attachments',
  'cooperation',
] as const;
export type Section = (typeof sections)[number];

/** How much a failing rule matters, most first: an error blocks formal review (形式审查). */
export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** Most urgent first: what fails, what cannot be told yet, what a person must confirm, then the rest. */
export const statusesByUrgency: readonly FindingStatus[] = ['fail', 'unknown', 'confirm', 'pass', 'na'];

/**
 * What a finding is, in the one vocabulary of the panel, markers, report, CLI, popup and options page: a failed
 * rule is named by its severity (错误 / 警告 / 提示), so an info item never reads "未通过"; the other statuses keep
 * their own names.
 */
export type Verdict = Severity | Exclude<FindingStatus, 'fail'>;

/** Reading order: what blocks submission first, settled items last. */
export const verdictOrder: Verdict[] = ['error', 'warning', 'unknown', 'confirm', 'info', 'pass', 'na'];

export function verdictOf(status: FindingStatus, severity: Severity): Verdict {
  return status === 'fail' ? severity : status;
}

export const verdictLabels: Record<Verdict, Bilingual> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Note' },
  unknown: { zh: '信息不全', en: 'Incomplete' },
  confirm: { zh: '待确认', en: 'To confirm' },
  pass: { zh: '已通过', en: 'Passed' },
  na: { zh: '不适用', en: 'Not applicable' },
};

/**
 * What the team has recorded beside the rules, keyed by the pack's rule id: who confirmed a confirm-rule,
 * which documents are ready, why a failing rule is accepted, who owns an item. Dates are ISO timestamps.
 */
export interface Checklist {
  confirmations: Record<string, { by?: string; at: string; note?: string }>;
  documents: Record<string, { ready: boolean; by?: string; at: string }>;
  acknowledgements: Record<string, { reason: string; by?: string; at: string }>;
  owners: Record<string, string>;
}

/** The part of a checklist that settles rules: what the engine reads. */
export type ChecklistEvidence = Pick<Checklist, 'confirmations' | 'documents'>;

export function emptyChecklist(): Checklist {
  return { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} };
}

/**
 * Draft fields whose key starts with "~" are GuideCheck's own bookkeeping (which section page each value came from),
 * not the form's: saved with the draft, never shown or compared as a field.
 */
export const isBookkeepingField = (key: string): boolean => key.startsWith('~');

/**
 * The default draft key: the portal page's origin (scheme + host: an http:// copy of a site never shares drafts with
 * the https:// one) plus the application id found on the page.
 */
export function draftKey(origin: string, applicationId: string): string {
  return `${origin}|${applicationId}`;
}

/** An application with nothing filled in: what the page reader and a draft's re-check fill field by field. */
export function emptyApplication(): Application {
  return {
    schema: 1,
    project: {},
    leadUnit: {},
    participants: [],
    pi: {},
    foreignPartners: [],
    budget: {},
    attachments: [],
  };
}
