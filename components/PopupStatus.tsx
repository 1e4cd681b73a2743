import { type MessageId, t } from '@/lib/i18n/pageMessages';
import type { Lang } from '@/lib/core/vocabulary';
import { verdictIds } from '@/lib/i18n/vocabulary';
import type { PanelMode, TabStatus } from '@/lib/messages/protocol';
import { packLine, packWarnings } from '@/lib/i18n/packSource';
import type { PackSummary } from '@/lib/packs/origin';

export interface PopupProps {
  /** undefined: still asking; null: not a recognised portal form; 'insecure': a portal page over http://. */
  status: TabStatus | 'insecure' | null | undefined;
  lang: Lang;
  onLang(lang: Lang): void;
  /** Opens the checklist panel on the tab (only offered on a recognised form) */
  onOpenPanel(): void;
  onOpenOptions(): void;
  /** The portal's public address, offered when this tab is not a form */
  portalUrl: string;
  /** What the last action could not do, in the popup's language */
  failure?: string;
  /** The packs in use: an expired one or one from a stale feed is flagged here */
  packs?: PackSummary[];
}

const panelModeIds = {
  frame: 'popupPanelFrame',
  fallback: 'popupPanelFallback',
  blocked: 'popupPanelBlocked',
} as const satisfies Record<PanelMode, MessageId>;

/** The toolbar popup: this tab's state in the one vocabulary, and what to do next. */
export function PopupStatus({
  status,
  lang,
  onLang,
  onOpenPanel,
  onOpenOptions,
  portalUrl,
  failure,
  packs = [],
}: PopupProps) {
  const outdated = packs.filter((p) => p.expired || p.stale);
  return (
    <main className="gc-page gc-popup" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>
        {t(lang, 'appName')}{' '}
        <button type="button" className="gc-lang" onClick={() => onLang(lang === 'zh' ? 'en' : 'zh')}>
          {t(lang, 'switchLang')}
        </button>
      </h1>
      {status === undefined && <p className="gc-muted">{t(lang, 'loading')}</p>}
      {status === null && (
        <p data-testid="popup-state" className="gc-muted">
          {t(lang, 'popupNotPortal')}
        </p>
      )}
      {status === 'insecure' && (
        <p data-testid="popup-state" className="gc-error" role="alert">
          {t(lang, 'popupInsecure')}
          <br />
          <span lang="en">{t('en', 'popupInsecure')}</span>
        </p>
      )}
      {status && status !== 'insecure' && (
        <>
          <p data-testid="popup-state" className="gc-ok">
            ✔ {t(lang, 'popupRecognised')}
          </p>
          <p data-testid="popup-direction">
            {t(lang, 'popupDirection')}
            {lang === 'zh' ? '：' : ': '}
            {status.direction ? `${status.direction.code} ${status.direction.title}` : t(lang, 'noDirection')}
          </p>
          <ul className="gc-counts" data-testid="popup-counts">
            {(['error', 'warning', 'confirm', 'unknown', 'info'] as const).map((v) => (
              <li key={v} className={`gc-${v}`}>
                {t(lang, verdictIds[v])} {status.counts[v] ?? 0}
              </li>
            ))}
          </ul>
          {status.panel && (
            <p
              data-testid="popup-panel"
              data-mode={status.panel}
              className={status.panel === 'frame' ? 'gc-muted' : 'gc-alert'}
              role={status.panel === 'blocked' ? 'alert' : undefined}
            >
              {t(lang, panelModeIds[status.panel])}
            </p>
          )}
        </>
      )}
      {/* What to do first, then what is out of date: the actions stay in view in a short popup */}
      {failure && (
        <p className="gc-alert" role="alert">
          {failure}
        </p>
      )}
      <p className="gc-popup-actions" data-testid="popup-actions">
        {status && status !== 'insecure' && (
          <button type="button" onClick={onOpenPanel}>
            {t(lang, 'popupOpenPanel')}
          </button>
        )}
        <button type="button" onClick={onOpenOptions}>
          {t(lang, 'popupOpenOptions')}
        </button>
        {status === null && (
          <a href={portalUrl} target="_blank" rel="noreferrer">
            {t(lang, 'popupOpenPortal')}
          </a>
        )}
      </p>
      {outdated.length > 0 && (
        <ul className="gc-alert" data-testid="popup-packs">
          {outdated.map((p) => (
            <li key={p.id} data-pack={p.id}>
              {packLine(p, lang)}
              {lang === 'zh' ? '：' : ': '}
              {packWarnings(p, lang).join(lang === 'zh' ? '；' : '; ')}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
