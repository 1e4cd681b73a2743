import { t } from '@/lib/i18n/messages';
import type { FillReport } from '@/lib/portal/fill';
import type { Lang } from '@/lib/core/vocabulary';
import { trusted } from './trusted';

export interface DraftBannersProps {
  lang: Lang;
  restoreOffer?: { count: number; updatedAt: string };
  fillResult?: { kind: 'restore' | 'profile'; report: FillReport };
  conflict?: { revision: number };
  saveError?: string;
  onRestore(): void;
  onDismissRestore(): void;
  onResolveConflict(choice: 'mine' | 'theirs'): void;
}

/** Draft states the user must see: a restore on offer, what a restore did, a conflict with another tab, a failed save. */
export function DraftBanners(props: DraftBannersProps) {
  const { lang } = props;
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return (
    <>
      {props.conflict && (
        <div className="gc-banner gc-banner-warn" role="alert" data-testid="gc-conflict">
          <p>{t(lang, 'conflictTitle')}</p>
          <button type="button" onClick={trusted(() => props.onResolveConflict('mine'))}>
            {t(lang, 'conflictMine')}
          </button>
          <button type="button" onClick={trusted(() => props.onResolveConflict('theirs'))}>
            {t(lang, 'conflictTheirs')}
          </button>
        </div>
      )}
      {props.restoreOffer && (
        <div className="gc-banner" data-testid="gc-restore">
          <p>{t(lang, 'restoreOffer', { count: props.restoreOffer.count, at: when(props.restoreOffer.updatedAt) })}</p>
          <button type="button" onClick={trusted(props.onRestore)}>
            {t(lang, 'restoreAction')}
          </button>
          <button type="button" onClick={props.onDismissRestore}>
            {t(lang, 'restoreDismiss')}
          </button>
        </div>
      )}
      {props.fillResult && (
        <div className="gc-banner" data-testid="gc-restored" role="status">
          <p>
            {t(lang, props.fillResult.kind === 'restore' ? 'restoreDone' : 'profileFilled', {
              count: props.fillResult.report.filled.length,
            })}
          </p>
          {props.fillResult.report.notTaken.length > 0 && (
            <p>
              {t(lang, 'restoreNotTaken', { fields: props.fillResult.report.notTaken.map((n) => n.key).join('、') })}
            </p>
          )}
          {props.fillResult.report.missing.length > 0 && (
            <p className="gc-muted">
              {t(lang, 'restoreMissing', { fields: props.fillResult.report.missing.join('、') })}
            </p>
          )}
          <button type="button" onClick={props.onDismissRestore}>
            OK
          </button>
        </div>
      )}
      {props.saveError && (
        <p className="gc-alert" role="alert">
          {t(lang, 'saveFailed', { error: props.saveError })}
        </p>
      )}
    </>
  );
}
