import { type MouseEvent, type ReactElement, memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/core/vocabulary';
import { verdictIds } from '@/lib/i18n/vocabulary';
import type { FindingView, PackView, PanelView } from '@/lib/overlay/view';
import { DraftBanners, type DraftBannersProps } from './DraftBanners';
import { ConfirmationNote, type FindingActionHandlers, FindingActions } from './FindingActions';
import { MappingPanel, type MappingPanelProps } from './MappingPanel';
import { ProfileFill, type ProfileFillProps } from './ProfileFill';
import { ReportActions, type ReportActionsProps } from './ReportActions';
import { SharePanel, type SharePanelProps } from './SharePanel';
import { MineFilter, type MineFilterProps } from './share/MineFilter';
import { OwnerField } from './share/OwnerField';
import { hiddenByOwner } from '@/lib/overlay/share';
import { arrangeChildren } from '@/lib/overlay/childOrder';

export interface DirectionOption {
  packId: string;
  code: string;
  title: string;
  guideline: string;
}

export interface PanelProps extends FindingActionHandlers {
  onToggleDock(): void;
  view: PanelView;
  directions: DirectionOption[];
  chosenDirection?: { packId: string; code: string };
  onChooseDirection(choice: { packId: string; code: string } | undefined): void;
  onToggleLang(): void;
  onToggleCollapsed(): void;
  onFocusField(paths: string[]): void;
  /** Whether this page's draft is saved: the time of the last acknowledged save, or the changes still on their way */
  saveState?: { saving: number; savedAt?: string };
  /** The finding whose marker the user clicked last: highlighted, not focused (focus stays in the field). */
  highlighted?: string;
  /** CSS pixels; the page is narrowed by as much (lib/overlay/pageInset.ts) */
  width: number;
  /** The user clicked the portal's 提交/保存 with errors left */
  reminder?: boolean;
  onDismissReminder?(): void;
  mapping: Omit<MappingPanelProps, 'lang' | 'missing'>;
  report: Omit<ReportActionsProps, 'lang'>;
  drafts: Omit<DraftBannersProps, 'lang'>;
  profiles: Omit<ProfileFillProps, 'lang'>;
  share: Omit<SharePanelProps, 'lang'>;
  /** Who owns which item, and the "only mine" filter */
  owners: Omit<MineFilterProps, 'lang' | 'hidden'> & {
    names: Record<string, string>;
    onAssign(ruleId: string, name: string): void;
  };
}

/** The counts that filter the list, in reading order; 已通过 is the folded group below the list. */
const filters = ['error', 'warning', 'confirm', 'unknown', 'info'] as const;
type Filter = (typeof filters)[number];

/** Settled: passed, or a warning a person gave a reason for. Settled checks fold away; ticked items stay put. */
const settled = (item: FindingView) => item.verdict === 'pass' || !!item.acknowledged;

/**
 * The checklist beside the portal form: counts that filter, then what blocks submission, then the items a person
 * ticks (they keep their place when ticked), passed checks folded. Tools (report, sharing, profiles, mapping) sit
 * in a menu. Pack strings are rendered as text only.
 */
export function Panel(props: PanelProps) {
  const { view, onToggleLang, onToggleCollapsed, onFocusField, owners } = props;
  const { lang } = view;
  const [filter, setFilter] = useState<Filter | undefined>();
  const [menuOpen, setMenuOpen] = useState(false);
  const [passedOpen, setPassedOpen] = useState(false);
  const { onConfirm, onDocumentReady, onAcknowledge } = props;
  const { onAssign } = owners;
  // One object for every row, the same while the callbacks are: a row redraws only when its finding changes.
  const handlers = useMemo(
    () => ({ onConfirm, onDocumentReady, onAcknowledge, onFocusField, onAssign }),
    [onConfirm, onDocumentReady, onAcknowledge, onFocusField, onAssign],
  );
  const guidelines = [...new Set(props.directions.map((d) => d.guideline))];
  const hidden = owners.onlyMine ? hiddenByOwner(owners.names, owners.myName) : new Set<string>();
  if (view.collapsed) {
    return (
      <button
        type="button"
        className={`gc-launcher gc-dock-${view.dock}`}
        onClick={onToggleCollapsed}
        aria-label={`${t(lang, 'expand')}：${(['error', 'warning'] as const).map((v) => `${t(lang, verdictIds[v])} ${view.counts[v]}`).join('，')}`}
        data-testid="gc-launcher"
      >
        <span className="gc-rail-name">GuideCheck</span>
        {(['error', 'warning'] as const).map((v) => (
          <span
            key={v}
            className={`gc-badge gc-${v}`}
            title={t(lang, verdictIds[v])}
            data-verdict={v}
            data-none={view.counts[v] === 0 || undefined}
          >
            {view.counts[v]}
          </span>
        ))}
      </button>
    );
  }
  const visible = view.items.filter((i) => !hidden.has(i.ruleId));
  const shown = (i: FindingView) => !filter || (i.verdict === filter && !i.acknowledged);
  const passed = visible.filter((i) => i.kind === 'check' && settled(i));
  const listed = visible.filter((i) => !(i.kind === 'check' && settled(i)) && shown(i));
  const folded = !filter && passed.length > 0;
  const item = (i: FindingView, hide = false) => (
    <FindingItem
      key={i.ruleId}
      item={i}
      lang={lang}
      handlers={handlers}
      owner={owners.names[i.ruleId]}
      highlighted={i.ruleId === props.highlighted}
      folded={hide}
    />
  );
  return (
    <aside
      style={{ width: props.width }}
      className={`gc-panel gc-dock-${view.dock}`}
      aria-label={t(lang, 'appName')}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <header className="gc-header">
        <span className="gc-title">
          <strong>{t(lang, 'panelTitle')}</strong>
          <SaveState lang={lang} state={props.saveState} />
        </span>
        <span className="gc-header-actions">
          <button
            type="button"
            onClick={() => setMenuOpen(!menuOpen)}
            aria-expanded={menuOpen}
            data-testid="gc-menu-toggle"
          >
            {t(lang, 'menu')} ▾
          </button>
          <button type="button" onClick={onToggleLang}>
            {t(lang, 'switchLang')}
          </button>
          <button
            type="button"
            onClick={props.onToggleDock}
            aria-label={t(lang, 'moveDock')}
            title={t(lang, 'moveDock')}
          >
            ⇆
          </button>
          <button type="button" onClick={onToggleCollapsed} aria-label={t(lang, 'collapse')}>
            —
          </button>
        </span>
      </header>
      {(menuOpen || props.mapping.active) && (
        <section className="gc-menu" data-testid="gc-menu">
          {view.heading && <ReportActions lang={lang} {...props.report} />}
          {view.heading && <MineFilter lang={lang} {...owners} hidden={hidden.size} />}
          {view.heading && <SharePanel lang={lang} {...props.share} />}
          {view.phase === 'ready' && <ProfileFill lang={lang} {...props.profiles} />}
          <MappingPanel lang={lang} missing={view.missing} {...props.mapping} />
        </section>
      )}
      {props.reminder && (
        <div className="gc-alert gc-reminder" role="alert" data-testid="gc-reminder">
          {t(lang, 'submitReminder', { left: reminderLeft(lang, view.counts.error, view.counts.warning) })}{' '}
          <button
            type="button"
            className="gc-link"
            onClick={() => setFilter(view.counts.error > 0 ? 'error' : 'warning')}
          >
            {t(lang, 'submitReminderShow')}
          </button>{' '}
          <button type="button" className="gc-link" onClick={props.onDismissReminder}>
            {t(lang, 'submitReminderDismiss')}
          </button>
        </div>
      )}
      <DraftBanners lang={lang} {...props.drafts} />
      {view.phase === 'loading' && <p className="gc-muted">{t(lang, 'loading')}</p>}
      {view.phase === 'error' && (
        <p className="gc-alert" role="alert">
          {t(lang, 'rulesUnavailable', { error: view.error ?? '' })}
        </p>
      )}
      {view.heading ? (
        <section className="gc-direction">
          <h2>
            <span className="gc-code">{view.heading.code}</span> {view.heading.title}
          </h2>
          <dl className="gc-facts">
            {view.facts.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          {view.contacts.length > 0 && (
            <details className="gc-contacts">
              <summary>{t(lang, 'contacts')}</summary>
              <ul>
                {view.contacts.map((c) => (
                  <li key={c.name}>
                    {c.name}
                    {c.details && <span className="gc-muted"> · {c.details}</span>}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      ) : (
        view.hint && <p className="gc-hint">{view.hint}</p>
      )}
      <PackLines packs={view.packs} flag={view.packsFlag} lang={lang} />
      {(!view.heading || props.chosenDirection) && props.directions.length > 0 && (
        <label className="gc-choose">
          {t(lang, 'chooseDirection')}
          <select
            value={props.chosenDirection ? `${props.chosenDirection.packId}|${props.chosenDirection.code}` : ''}
            onChange={(e) => {
              const [packId, code] = e.target.value.split('|');
              props.onChooseDirection(packId && code ? { packId, code } : undefined);
            }}
          >
            <option value="">—</option>
            {guidelines.map((g) => (
              <optgroup key={g} label={g}>
                {props.directions
                  .filter((d) => d.guideline === g)
                  .map((d) => (
                    <option key={`${d.packId}|${d.code}`} value={`${d.packId}|${d.code}`}>
                      {d.code} {d.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
      )}
      {view.fieldNotes.map((line) => (
        <p key={line} className="gc-alert" data-testid="gc-field-note">
          {line}
        </p>
      ))}
      {view.fromOtherPages.map((line) => (
        <p key={line} className="gc-note" data-testid="gc-from-other-pages">
          {line}
        </p>
      ))}
      {view.missing.length > 0 && (
        <details className="gc-alert gc-missing" data-testid="gc-missing">
          <summary>{t(lang, 'missingFieldsCount', { n: view.missing.length })}</summary>
          {t(lang, 'missingFields', { fields: view.missingTitles.join('、') })}
        </details>
      )}
      {view.heading && (
        <nav className="gc-counts" data-testid="gc-counts" aria-label={t(lang, 'filterBy')}>
          {filters.map((f) => (
            <button
              key={f}
              type="button"
              className={`gc-count gc-${f}`}
              aria-pressed={filter === f}
              disabled={view.counts[f] === 0}
              onClick={() => setFilter(filter === f ? undefined : f)}
              data-verdict={f}
            >
              {t(lang, verdictIds[f])} <b>{view.counts[f]}</b>
            </button>
          ))}
          {filter && (
            <button type="button" className="gc-link" onClick={() => setFilter(undefined)}>
              {t(lang, 'showAll')}
            </button>
          )}
        </nav>
      )}
      {/* One list: a check that passes or fails again moves within it, its row kept, not rebuilt elsewhere. */}
      {(listed.length > 0 || folded) && (
        <FindingList>
          {[
            ...listed.map((i) => item(i)),
            ...(folded
              ? [
                  <li key={PASSED_KEY} className="gc-passed" data-testid="gc-passed">
                    <button type="button" aria-expanded={passedOpen} onClick={() => setPassedOpen(!passedOpen)}>
                      {t(lang, 'passedFolded', { n: passed.length })}
                    </button>
                  </li>,
                  ...passed.map((i) => item(i, !passedOpen)),
                ]
              : []),
          ]}
        </FindingList>
      )}
    </aside>
  );
}

/** The key of the list's 已通过 N 项 row; a finding's row is keyed, and marked (data-rule), by its rule id. */
const PASSED_KEY = '~passed';

/**
 * The findings' rows, in reading order. React gets them in the order each was first seen, which never changes, so it
 * never moves one: given a row that moved up (a check failing again), it would move every row that row passed, each
 * restyled and laid out again by the browser. The rows are put in reading order after each render by moving only the
 * rows out of it (a flip: the flipped row).
 */
function FindingList({ children: rows }: { children: ReactElement[] }) {
  const list = useRef<HTMLUListElement>(null);
  const [rank] = useState(() => new Map<string, number>());
  for (const row of rows) if (!rank.has(row.key!)) rank.set(row.key!, rank.size);
  const keys = rows.map((row) => row.key!).join('\n');
  const arranged = useRef('');
  useLayoutEffect(() => {
    // The same rows in the same order as after the last render: React added, removed and moved none.
    if (keys === arranged.current) return;
    arranged.current = keys;
    const ul = list.current!;
    const byKey = new Map(Array.from(ul.children, (li) => [(li as HTMLElement).dataset.rule ?? PASSED_KEY, li]));
    arrangeChildren(
      ul,
      rows.flatMap((row) => byKey.get(row.key!) ?? []),
    );
  });
  return (
    <ul className="gc-findings" data-testid="gc-findings" ref={list}>
      {[...rows].sort((a, b) => rank.get(a.key!)! - rank.get(b.key!)!)}
    </ul>
  );
}

/**
 * toLocaleTimeString('zh-CN', { hour12: false }) as one formatter: with options, each call builds a new
 * Intl.DateTimeFormat (~0.5 ms in the panel frame, at every save's acknowledgement).
 */
const savedTime = new Intl.DateTimeFormat('zh-CN', {
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hour12: false,
});

/** A quiet line under the title: the applicant sees that what they type is kept. */
function SaveState({ lang, state }: { lang: Lang; state: PanelProps['saveState'] }) {
  if (!state || (!state.saving && !state.savedAt)) return null;
  const text = state.saving
    ? t(lang, 'saving', { n: state.saving })
    : t(lang, 'savedAt', { time: savedTime.format(new Date(state.savedAt!)) });
  return (
    <small className="gc-save-state" data-testid="gc-save-state" data-saving={state.saving || undefined}>
      {text}
    </small>
  );
}

/**
 * A jump to a field, pressed with the mouse, leaves focus where it is instead of moving it into the panel frame. The
 * frame's focus is settled by the browser in another process and can arrive after the page side has focused the field,
 * taking focus back off it (Chromium, under load).
 */
const keepFocusOnPage = (e: MouseEvent) => e.preventDefault();

/** What a finding's row does: its actions, a jump to a field, an owner assigned */
interface FindingItemHandlers extends FindingActionHandlers {
  onFocusField(paths: string[]): void;
  onAssign(ruleId: string, name: string): void;
}

/**
 * One requirement: its verdict and title (a jump to its field), what is wrong, what to do, and the actions.
 * Memoised on narrow props (the view keeps an unchanged finding's object), so a state post redraws only the rows
 * whose finding changed.
 */
const FindingItem = memo(function FindingItem({
  item,
  lang,
  handlers,
  owner,
  highlighted,
  folded,
}: {
  item: FindingView;
  lang: Lang;
  handlers: FindingItemHandlers;
  owner: string | undefined;
  highlighted: boolean;
  /** Among the passed checks, folded under 已通过 N 项: in the list, not shown */
  folded: boolean;
}) {
  const { onFocusField } = handlers;
  const tag = item.acknowledged ? 'acknowledged' : item.verdict;
  const open = !settled(item);
  return (
    <li
      className={`gc-finding gc-${item.status} gc-sev-${item.severity} gc-v-${tag}${highlighted ? ' gc-shown' : ''}`}
      data-rule={item.ruleId}
      data-verdict={item.verdict}
      data-folded={folded || undefined}
      hidden={folded}
    >
      <button
        type="button"
        className="gc-finding-title"
        disabled={!item.fields.length}
        onMouseDown={keepFocusOnPage}
        onClick={() => onFocusField(item.fields)}
      >
        <span className={`gc-tag gc-${tag}`}>
          {item.acknowledged ? t(lang, 'acknowledged') : t(lang, verdictIds[item.verdict])}
        </span>
        {item.title}
        <span className="gc-section-name"> · {item.sectionLabel}</span>
        {item.layer && (
          <span className="gc-layer" data-testid="gc-layer">
            {' '}
            · {item.layer.packTitle}
          </span>
        )}
      </button>
      {item.status === 'fail' && item.message !== item.title && <p className="gc-message">{item.message}</p>}
      {item.status === 'unknown' && item.missing.length > 0 && (
        <p className="gc-to-fill" data-testid="gc-to-fill">
          {t(lang, 'toFill')}
          {item.missing.map((m, n) => (
            <span key={m.label}>
              {n > 0 && '、'}
              <button
                type="button"
                className="gc-link"
                onMouseDown={keepFocusOnPage}
                onClick={() => onFocusField(m.paths)}
              >
                {m.label}
              </button>
            </span>
          ))}
        </p>
      )}
      {open && item.explain && <p className="gc-explain">{item.explain}</p>}
      <FindingActions item={item} lang={lang} handlers={handlers} />
      <details className="gc-more">
        <summary>{t(lang, 'itemMore')}</summary>
        {!open && item.explain && <p className="gc-explain">{item.explain}</p>}
        <OwnerField ruleId={item.ruleId} owner={owner} lang={lang} onAssign={handlers.onAssign} />
        {item.kind === 'confirm' && item.confirmation && (
          <ConfirmationNote item={item} lang={lang} onConfirm={handlers.onConfirm} />
        )}
        <blockquote className="gc-quote">
          {t(lang, 'quote')}：{item.quote}
        </blockquote>
        {item.source && (
          <p className="gc-muted gc-source" data-testid="gc-source">
            {item.source}
          </p>
        )}
      </details>
    </li>
  );
});

/** The packs the findings come from, each with its version and origin; an expired pack or a stale feed is flagged. */
function PackLines({ packs, flag, lang }: { packs: PackView[]; flag?: string; lang: Lang }) {
  if (!packs.length) return null;
  return (
    <details className="gc-packs" data-testid="gc-packs">
      <summary>
        {t(lang, 'packsUsed')}
        {flag && (
          <span className="gc-tag gc-warning" data-testid="gc-packs-flag">
            {' '}
            {flag}
          </span>
        )}
      </summary>
      <ul>
        {packs.map((p) => (
          <li key={p.id} data-pack={p.id}>
            {p.line}
            {p.warnings.map((w) => (
              <p key={w} className="gc-alert" data-testid="gc-pack-warning">
                {w}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "2 个错误、1 个警告": only the counts left, so the reminder never says "0 个错误". */
function reminderLeft(lang: Lang, errors: number, warnings: number): string {
  const left = [
    errors > 0 && t(lang, 'reminderErrors', { n: errors }),
    warnings > 0 && t(lang, 'reminderWarnings', { n: warnings }),
  ].filter(Boolean);
  return left.join(lang === 'zh' ? '、' : ' and ');
}
