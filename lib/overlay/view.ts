import type { Finding } from '../engine/finding';
import { type MessageId, t } from '../i18n/messages';
import type { Rule, Section } from '../packs/schema';
import type { OverlayState } from './state';
import { type FindingCounts, countFindings } from '../engine/counts';
import { formatFinding } from '../engine/format';
import { type FindingStatus, type Lang, type Severity, severities, statusesByUrgency } from '../core/vocabulary';
import { rulesFor } from '../engine/evaluate';

/** What the panel shows, computed from the controller's state; components only render it. */
export interface FindingView {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  kind: Rule['kind'];
  title: string;
  message: string;
  quote: string;
  fields: string[];
  confirmation?: { note?: string; by?: string; at: string };
  documentReady?: boolean;
  /** A warning the user acknowledged, with the reason (kept with the draft) */
  acknowledged?: { reason: string; at: string };
}

export interface SectionView {
  section: Section;
  label: string;
  items: FindingView[];
}

export interface PanelView {
  lang: Lang;
  collapsed: boolean;
  dock: 'right' | 'left';
  phase: OverlayState['phase'];
  error?: string;
  heading?: { code: string; title: string };
  facts: { label: string; value: string }[];
  contacts: { name: string; details: string }[];
  hint?: string;
  counts: FindingCounts;
  sections: SectionView[];
  missing: string[];
  /** The missing fields by their Chinese titles */
  missingTitles: string[];
}

const sectionOrder: Section[] = [
  'basic',
  'leadUnit',
  'participants',
  'pi',
  'foreignPartner',
  'budget',
  'attachments',
  'cooperation',
];

export function rulesById(state: OverlayState): Map<string, Rule> {
  const m = state.direction;
  return new Map(m ? rulesFor(m.pack, m.direction).map((r) => [r.id, r]) : []);
}

export function toPanelView(state: OverlayState, titles: Map<string, string> = new Map()): PanelView {
  const { lang } = state;
  const rules = rulesById(state);
  const d = state.direction?.direction;
  const facts: PanelView['facts'] = [];
  if (d?.plannedProjects) facts.push({ label: t(lang, 'plannedProjects'), value: d.plannedProjects.text });
  if (d?.totalBudget) {
    facts.push({ label: t(lang, 'totalBudget'), value: t(lang, 'wan', { n: d.totalBudget.amount }) });
    const p = d.plannedProjects;
    if (p && p.max > 0) {
      const mid = (p.min + p.max) / 2;
      facts.push({
        label: t(lang, 'perProject'),
        value: `≈ ${t(lang, 'wan', { n: Math.round(d.totalBudget.amount / mid) })}`,
      });
    }
  }
  const sections = sectionOrder
    .map((section) => ({
      section,
      label: t(lang, `section_${section}` as MessageId),
      items: state.findings
        .filter((f) => f.section === section && f.status !== 'na')
        .sort(
          (a, b) =>
            statusesByUrgency.indexOf(a.status) - statusesByUrgency.indexOf(b.status) ||
            severities.indexOf(a.severity) - severities.indexOf(b.severity),
        )
        .map((f): FindingView => {
          const rule = rules.get(f.ruleId);
          return {
            ruleId: f.ruleId,
            severity: f.severity,
            status: f.status,
            kind: f.kind,
            title: rule?.title[lang] ?? f.ruleId,
            message: rule ? formatFinding(f, rule, lang) : '',
            quote: rule?.quote ?? '',
            fields: focusPaths(f),
            confirmation: state.checklist.confirmations[f.ruleId],
            documentReady: state.checklist.documents[f.ruleId]?.ready,
            acknowledged: f.severity === 'warning' ? state.checklist.acknowledgements[f.ruleId] : undefined,
          };
        }),
    }))
    .filter((s) => s.items.length > 0);
  return {
    lang,
    collapsed: state.collapsed,
    dock: state.dock,
    phase: state.phase,
    error: state.error,
    heading: d ? { code: d.code, title: d.title[lang] } : undefined,
    facts,
    contacts: (d?.contacts ?? []).map((c) => ({
      name: c.name,
      details: [c.organization, c.email, c.phone].filter(Boolean).join(' · '),
    })),
    hint:
      d || state.phase !== 'ready'
        ? undefined
        : state.directionText
          ? t(lang, 'unknownDirection', { text: state.directionText })
          : t(lang, 'noDirection'),
    counts: countFindings(state.findings, state.checklist.acknowledgements),
    sections,
    missing: state.missing,
    missingTitles: state.missing.map((p) => titles.get(p) ?? p),
  };
}

/** The paths a finding is about, the deciding values' paths first. */
export function focusPaths(f: Finding): string[] {
  return [...new Set([...f.detail.map((d) => d.path).filter((p): p is string => !!p), ...f.missing, ...f.fields])];
}

/** Failing findings that point at a field: one marker each, beside the field. */
export interface MarkerView {
  ruleId: string;
  /** Where to put it, best first: the paths that decided the finding, then the rule's fields */
  paths: string[];
  severity: Severity;
  text: string;
}

export function toMarkers(state: OverlayState): MarkerView[] {
  const rules = rulesById(state);
  return state.findings
    .filter(
      (f) =>
        f.status === 'fail' &&
        f.severity !== 'info' &&
        f.fields.length > 0 &&
        !state.checklist.acknowledgements[f.ruleId],
    )
    .map((f) => {
      const rule = rules.get(f.ruleId);
      return {
        ruleId: f.ruleId,
        paths: focusPaths(f),
        severity: f.severity,
        text: rule ? formatFinding(f, rule, state.lang) : f.ruleId,
      };
    });
}

/** Everything the page side shows, as plain data: the panel (which can live in an extension frame) and the markers. */
export interface OverlayView {
  panel: PanelView;
  markers: MarkerView[];
}

export function toOverlayView(state: OverlayState, titles: Map<string, string> = new Map()): OverlayView {
  return { panel: toPanelView(state, titles), markers: toMarkers(state) };
}
