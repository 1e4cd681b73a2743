import { type FindingStatus, type Lang, type Section, type Severity, sections } from '../core/vocabulary';
import type { Finding } from '../engine/finding';
import { type MessageId, t } from '../i18n/messages';
import { t as pageSideT } from '../i18n/pageSideMessages';
import type { Rule, RulePack } from '../packs/schema';
import type { OverlayState } from './state';
import { type FindingCounts, countFindings } from '../engine/counts';
import { findingMessage } from '../i18n/describe';
import { fieldLabel, formPaths } from '../i18n/labels';
import { type Verdict, verdictOf, verdictOrder } from '../i18n/vocabulary';
import { rulesFor } from '../engine/evaluate';
import { packLine, packWarnings } from '../i18n/packSource';
import type { PackSummary } from '../packs/origin';

/** What the panel shows, computed from the controller's state; components only render it. */
export interface FindingView {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  kind: Rule['kind'];
  /** What the item is now, in the one vocabulary (错误 / 警告 / 提示 / 信息不全 / 待确认 / 已通过) */
  verdict: Verdict;
  section: Section;
  sectionLabel: string;
  title: string;
  /** The rule's message with its values named as the applicant knows them */
  message: string;
  /** What the rule asks and how to satisfy it (the pack's `explain`) */
  explain: string;
  quote: string;
  fields: string[];
  /** 信息不全: the empty fields by the form's labels, each with where to jump */
  missing: { label: string; paths: string[] }[];
  confirmation?: { note?: string; by?: string; at: string };
  document?: { ready: boolean; by?: string; at: string };
  /** A warning the user acknowledged, with the reason and who (kept with the draft) */
  acknowledged?: { reason: string; by?: string; at: string };
  /** The pack the rule comes from, its version and origin ("规则来源：… · 第 1 版 · 扩展内置") */
  source: string;
  /** Added by another pack than the direction's guideline (an institution's 通用条件 or its added rules) */
  layer?: { packTitle: string };
}

/** A pack whose rules the panel applies: named with version and origin, with what is wrong with its currency. */
export interface PackView {
  id: string;
  line: string;
  /** 规则已过期…, 规则源已超过 14 天没有新的签名时间戳… */
  warnings: string[];
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
  /** Every applicable item in reading order: checks by verdict, then the checklist items in a fixed place */
  items: FindingView[];
  missing: string[];
  /** The missing fields by their Chinese titles */
  missingTitles: string[];
  /** Lines saying which values the rules took from other pages of the application ("来自「基本信息」页：…") */
  fromOtherPages: string[];
  /** Fields the overlay cannot read with certainty (found twice), one line each */
  fieldNotes: string[];
  /** The packs whose rules are shown (the guideline's, then the layers); every pack in use before a direction is known */
  packs: PackView[];
  /** Shown beside 所用规则包 when a pack is expired (规则已过期) or its feed stale (规则可能不是最新) */
  packsFlag?: string;
}

/**
 * The parts of the state the panel and the markers are drawn from. A post that changes none of them (a save's
 * acknowledgement, a restore offer) leaves the view as it was: the panel keeps it (`overlayViewKeeper`).
 */
export const VIEW_KEYS = [
  'lang',
  'collapsed',
  'dock',
  'phase',
  'error',
  'direction',
  'layers',
  'packs',
  'directionText',
  'findings',
  'missing',
  'ambiguous',
  'lostTrack',
  'fromOtherPages',
  'checklist',
] as const satisfies readonly (keyof OverlayState)[];
export type ViewState = Pick<OverlayState, (typeof VIEW_KEYS)[number]>;

/**
 * The rules of the state's direction with its layers, by id. Kept per direction and layers: the panel draws at every
 * state post and the page side its markers at every state change (each keystroke), and the set rarely changes.
 */
const keptRules = new WeakMap<
  NonNullable<OverlayState['direction']>,
  { layers: RulePack[]; rules: Map<string, Rule> }
>();

export function rulesById(state: Pick<OverlayState, 'direction' | 'layers'>): Map<string, Rule> {
  const m = state.direction;
  if (!m) return new Map();
  const made = keptRules.get(m);
  if (made && made.layers === state.layers) return made.rules;
  const rules = new Map(rulesFor(m.pack, m.direction, state.layers).map((r) => [r.id, r]));
  keptRules.set(m, { layers: state.layers, rules });
  return rules;
}

/** The packs the shown findings come from; before a direction is known, every pack in use. */
function shownPacks(state: ViewState): PackSummary[] {
  const m = state.direction;
  if (!m) return state.packs;
  const ids = [m.pack.id, ...state.layers.map((l) => l.id)];
  return ids.flatMap((id) => state.packs.filter((p) => p.id === id));
}

/**
 * The FindingView last made from each finding object, with what else it was made from. A keystroke replaces only the
 * findings it flips (the others keep their identity across the bridge), so the panel redraws only their rows.
 */
export type FindingViewCache = WeakMap<Finding, { inputs: unknown[]; view: FindingView }>;

export function toPanelView(
  state: ViewState,
  titles: Map<string, string> = new Map(),
  cache?: FindingViewCache,
  rules = rulesById(state),
): PanelView {
  const { lang } = state;
  const d = state.direction?.direction;
  const packs = shownPacks(state);
  const byId = new Map(packs.map((p) => [p.id, p]));
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
  const items = state.findings
    .filter((f) => f.status !== 'na')
    .map((f): FindingView => {
      const { confirmations, documents, acknowledgements } = state.checklist;
      // The rule and the finding's source follow from the direction, the layers and the packs.
      const inputs = [
        lang,
        titles,
        state.direction,
        state.layers,
        state.packs,
        confirmations[f.ruleId],
        documents[f.ruleId],
        acknowledgements[f.ruleId],
      ];
      const made = cache?.get(f);
      if (made?.inputs.every((input, n) => input === inputs[n])) return made.view;
      const rule = rules.get(f.ruleId);
      const document = documents[f.ruleId];
      const view: FindingView = {
        ruleId: f.ruleId,
        severity: f.severity,
        status: f.status,
        kind: f.kind,
        verdict: verdictOf(f.status, f.severity),
        section: f.section,
        sectionLabel: t(lang, `section_${f.section}` as MessageId),
        ...describeFinding(f, rule, lang, titles),
        quote: rule?.quote ?? '',
        fields: focusPaths(f),
        confirmation: confirmations[f.ruleId],
        document: f.kind === 'document' && document ? document : undefined,
        acknowledged: f.severity === 'warning' ? acknowledgements[f.ruleId] : undefined,
        ...findingSource(f, byId, state, lang),
      };
      cache?.set(f, { inputs, view });
      return view;
    });
  // Fields another page of the application showed are not lost: they are listed as coming from that page.
  const elsewhere = new Set(state.fromOtherPages.map((f) => f.path));
  const missing = state.missing.filter((p) => !elsewhere.has(p));
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
    items: readingOrder(items),
    missing,
    missingTitles: missing.map((p) => fieldLabel(p, lang, titles)),
    fromOtherPages: fromOtherPageLines(state, titles),
    fieldNotes: [
      ...state.ambiguous.map((a) =>
        t(lang, 'ambiguousField', {
          field: fieldLabel(a.path, lang, titles),
          n: a.labels.length,
          labels: a.labels.join('、'),
        }),
      ),
      ...(state.lostTrack.length
        ? [t(lang, 'lostTrack', { fields: state.lostTrack.map((p) => fieldLabel(p, lang, titles)).join('、') })]
        : []),
    ],
    packs: packs.map((p) => ({ id: p.id, line: packLine(p, lang), warnings: packWarnings(p, lang) })),
    packsFlag: packs.some((p) => p.expired)
      ? t(lang, 'packFlagExpired')
      : packs.some((p) => p.stale)
        ? t(lang, 'packFlagStale')
        : undefined,
  };
}

/** Which pack a finding's rule comes from; the built-in input rules (real dates) count as the guideline's. */
function findingSource(
  f: Finding,
  packs: ReadonlyMap<string, PackSummary>,
  state: ViewState,
  lang: Lang,
): Pick<FindingView, 'source' | 'layer'> {
  const guideline = state.direction?.pack.id;
  const id = !f.pack || f.pack === 'input' ? guideline : f.pack;
  const pack = id ? packs.get(id) : undefined;
  const source = pack ? t(lang, 'findingSource', { line: packLine(pack, lang) }) : '';
  return id && id !== guideline && pack ? { source, layer: { packTitle: pack.title[lang] } } : { source };
}

/** The rule's message with enum values named (企业, not enterprise) and its missing fields by the form's labels. */
export function describeFinding(
  f: Finding,
  rule: Rule | undefined,
  lang: Lang,
  formTitles?: ReadonlyMap<string, string>,
): Pick<FindingView, 'title' | 'message' | 'explain' | 'missing'> {
  const title = rule?.title[lang] ?? pageSideT(lang, 'unknownRule');
  return {
    title,
    message: rule ? findingMessage(f, rule, lang) : title,
    explain: rule?.explain?.[lang] ?? '',
    missing: f.missing.map((path) => ({ label: fieldLabel(path, lang, formTitles), paths: formPaths(path) })),
  };
}

/**
 * Checks by verdict (errors first), each verdict in form order; the items a person ticks (confirmations and
 * documents) after them in the pack's order, whatever their state, so that ticking one never moves it; passed
 * checks last.
 */
export function readingOrder(items: FindingView[]): FindingView[] {
  const ticked = (i: FindingView) => i.kind === 'confirm' || i.kind === 'document';
  const checks = items
    .filter((i) => !ticked(i))
    .sort(
      (a, b) =>
        verdictOrder.indexOf(a.verdict) - verdictOrder.indexOf(b.verdict) ||
        sections.indexOf(a.section) - sections.indexOf(b.section),
    );
  return [
    ...checks.filter((i) => i.verdict !== 'pass'),
    ...items.filter(ticked),
    ...checks.filter((i) => i.verdict === 'pass'),
  ];
}

/** One line per page the draft's values came from, fields by their titles. */
function fromOtherPageLines(state: ViewState, titles: Map<string, string>): string[] {
  const bySection = new Map<string, string[]>();
  for (const f of state.fromOtherPages) {
    const key = f.section ?? '';
    bySection.set(key, [...(bySection.get(key) ?? []), titles.get(f.path) ?? f.path]);
  }
  return [...bySection].map(([section, fields]) =>
    section
      ? t(state.lang, 'fromOtherPage', { section, fields: fields.join('、') })
      : t(state.lang, 'fromOtherPages', { fields: fields.join('、') }),
  );
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

export function toMarkers(
  state: ViewState,
  rules = rulesById(state),
  textOf = (f: Finding) => describeFinding(f, rules.get(f.ruleId), state.lang).message,
): MarkerView[] {
  return state.findings
    .filter(
      (f) =>
        f.status === 'fail' &&
        f.severity !== 'info' &&
        f.fields.length > 0 &&
        !state.checklist.acknowledgements[f.ruleId],
    )
    .map((f) => ({ ruleId: f.ruleId, paths: focusPaths(f), severity: f.severity, text: textOf(f) }));
}

/** Everything the page side shows, as plain data: the panel (which can live in an extension frame) and the markers. */
export interface OverlayView {
  panel: PanelView;
  markers: MarkerView[];
}

export function toOverlayView(
  state: ViewState,
  titles: Map<string, string> = new Map(),
  cache: FindingViewCache = new WeakMap(),
): OverlayView {
  const rules = rulesById(state);
  const panel = toPanelView(state, titles, cache, rules);
  // A marker's text is its finding's message, which the panel's item for the same finding (just made) holds.
  const message = (f: Finding) =>
    cache.get(f)?.view.message ?? describeFinding(f, rules.get(f.ruleId), state.lang).message;
  return { panel, markers: toMarkers(state, rules, message) };
}

/**
 * toOverlayView for one panel across its state posts: the same view object while nothing it is drawn from changed,
 * so a post that only says the draft was saved derives nothing and redraws no part of the view.
 */
export function overlayViewKeeper(): (state: ViewState, titles: Map<string, string>) => OverlayView {
  const cache: FindingViewCache = new WeakMap();
  let last: { state: ViewState; titles: Map<string, string>; view: OverlayView } | undefined;
  return (state, titles) => {
    if (last?.titles === titles && VIEW_KEYS.every((key) => state[key] === last!.state[key])) return last.view;
    last = { state, titles, view: toOverlayView(state, titles, cache) };
    return last.view;
  };
}
