import { t } from '@/lib/i18n/pageMessages';
import type { TabStatus } from '@/lib/messages/protocol';

/** undefined: still asking; null: the tab is not a recognised portal form; 'insecure': a portal page over http://. */
export function PopupStatus({ status }: { status: TabStatus | 'insecure' | null | undefined }) {
  const lang = 'zh';
  return (
    <main className="gc-page gc-popup">
      <h1>{t(lang, 'appName')}</h1>
      {status === undefined && <p className="gc-muted">…</p>}
      {status === null && (
        <p data-testid="popup-state" className="gc-muted">
          {t(lang, 'popupNotPortal')}
          <br />
          <span lang="en">{t('en', 'popupNotPortal')}</span>
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
            ✔ {t(lang, 'popupRecognised')}{' '}
            <span lang="en" className="gc-muted">
              ({t('en', 'popupRecognised')})
            </span>
          </p>
          <p data-testid="popup-direction">
            {t(lang, 'popupDirection')}：
            {status.direction ? `${status.direction.code} ${status.direction.title}` : t(lang, 'noDirection')}
          </p>
          <ul className="gc-counts" data-testid="popup-counts">
            <li className="gc-error">
              {t(lang, 'severityError')} {status.counts.error}
            </li>
            <li className="gc-warning">
              {t(lang, 'severityWarning')} {status.counts.warning}
            </li>
            <li className="gc-info">
              {t(lang, 'severityInfo')} {status.counts.info}
            </li>
            <li className="gc-confirm">
              {t(lang, 'statusConfirm')} {status.counts.confirm}
            </li>
          </ul>
        </>
      )}
    </main>
  );
}
