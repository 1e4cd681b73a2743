import { t } from '@/lib/i18n/messages';
import type { FindingView, PanelView } from '@/lib/overlay/view';
import { DraftBanners, type DraftBannersProps } from './DraftBanners';
import { type FindingActionHandlers, FindingActions } from './FindingActions';
import { MappingPanel, type MappingPanelProps } from './MappingPanel';
import { ProfileFill, type ProfileFillProps } from './ProfileFill';
import { ReportActions, type ReportActionsProps } from './ReportActions';
import { SharePanel, type SharePanelProps } from './SharePanel';
import { MineFilter, type MineFilterProps } from './share/MineFilter';
import { OwnerField } from './share/OwnerField';
import { hiddenByOwner } from '@/lib/overlay/share';
import type { Lang } from '@/lib/core/vocabulary';

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

const statusLabel = (lang: Lang, status: FindingView['status']) =>
  t(
    lang,
    (
      {
        fail: 'statusFail',
        pass: 'statusPass',
        confirm: 'statusConfirm',
        unknown: 'statusUnknown',
        na: 'statusNa',
      } as const
    )[status],
  );

const severityLabel = (lang: Lang, severity: FindingView['severity']) =>
  t(lang, ({ error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const)[severity]);

/** The docked checklist beside the portal form. Pack strings are rendered as text only. */
export function Panel(props: PanelProps) {
  const { view, onToggleLang, onToggleCollapsed, onFocusField } = props;
  const { lang } = view;
  const guidelines = [...new Set(props.directions.map((d) => d.guideline))];
  const { owners } = props;
  const hidden = owners.onlyMine ? hiddenByOwner(owners.names, owners.myName) : new Set<string>();
  if (view.collapsed) {
    return (
      <button
        type="button"
        className={`gc-launcher gc-dock-${view.dock}`}
        onClick={onToggleCollapsed}
        aria-label={t(lang, 'expand')}
      >
        GuideCheck {view.counts.error > 0 && <span className="gc-badge gc-error">{view.counts.error}</span>}
      </button>
    );
  }
  return (
    <aside
      className={`gc-panel gc-dock-${view.dock}`}
      aria-label={t(lang, 'appName')}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <header className="gc-header">
        <strong>{t(lang, 'appName')}</strong>
        <span className="gc-header-actions">
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
      {view.missing.length > 0 && (
        <p className="gc-alert" data-testid="gc-missing">
          {t(lang, 'missingFields', { fields: view.missingTitles.join('、') })}
        </p>
      )}
      <MappingPanel lang={lang} missing={view.missing} {...props.mapping} />
      {view.phase === 'ready' && <ProfileFill lang={lang} {...props.profiles} />}
      {view.heading && (
        <p className="gc-summary" data-testid="gc-counts">
          {t(lang, 'countsSummary', view.counts)}
        </p>
      )}
      {view.heading && <ReportActions lang={lang} {...props.report} />}
      {view.heading && <SharePanel lang={lang} {...props.share} />}
      {view.heading && <MineFilter lang={lang} {...owners} hidden={hidden.size} />}
      {view.sections.map((section) => (
        <section key={section.section} className="gc-section">
          <h3>{section.label}</h3>
          <ul>
            {section.items
              .filter((item) => !hidden.has(item.ruleId))
              .map((item) => (
                <li
                  key={item.ruleId}
                  className={`gc-finding gc-${item.status} gc-sev-${item.severity}`}
                  data-rule={item.ruleId}
                >
                  <button
                    type="button"
                    className="gc-finding-title"
                    disabled={!item.fields.length}
                    onClick={() => onFocusField(item.fields)}
                  >
                    <span className={`gc-tag gc-${item.status === 'fail' ? item.severity : item.status}`}>
                      {item.status === 'fail' ? severityLabel(lang, item.severity) : statusLabel(lang, item.status)}
                    </span>
                    {item.title}
                  </button>
                  {item.message && item.status === 'fail' && <p className="gc-message">{item.message}</p>}
                  <FindingActions item={item} lang={lang} handlers={props} />
                  <OwnerField
                    ruleId={item.ruleId}
                    owner={owners.names[item.ruleId]}
                    lang={lang}
                    onAssign={owners.onAssign}
                  />
                  <details className="gc-quote">
                    <summary>{t(lang, 'quote')}</summary>
                    <blockquote>{item.quote}</blockquote>
                  </details>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
