import { t } from '@/lib/i18n/messages';
import type { UserMessage } from '@/lib/messages/protocol';
import type { FillReport } from '@/lib/portal/fill';
import type { Lang } from '@/lib/core/vocabulary';
import { trusted } from './trusted';

/** A field another tab changed too: this page's value and theirs, by the field's title */
export interface HeldField {
  key: string;
  label: string;
  mine: string;
  theirs: string;
}

export interface DraftBannersProps {
  lang: Lang;
  restoreOffer?: { count: number; updatedAt: string };
  fillResult?: { kind: 'restore' | 'profile'; report: FillReport };
  /** Fields both this tab and another changed: the user chooses per field, or for all at once */
  held?: HeldField[];
  saveError?: string;
  /** Why autosave failed (Chinese first) and whether 重试 makes sense */
  saveProblem?: { message: UserMessage; retry: boolean };
  /** Something the user must know about the draft (recovered from the backup copy) */
  notice?: UserMessage;
  /** Fields too long for the draft, each with its message */
  fieldProblems?: { key: string; label: string; message: UserMessage }[];
  /** The extension was updated or reloaded: this page must be reloaded to save again */
  extensionGone?: { unsaved: number };
  onRestore(): void;
  onDismissRestore(): void;
  onResolveConflict(choice: 'mine' | 'theirs'): void;
  onResolveField?(key: string, choice: 'mine' | 'theirs'): void;
  onRetry?(): void;
  onDismissNotice?(): void;
}

/** Draft states the user must see: a restore on offer, what a restore did, a conflict with another tab, a failed save. */
export function DraftBanners(props: DraftBannersProps) {
  const { lang } = props;
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return (
    <>
      {props.extensionGone && (
        <div className="gc-banner gc-banner-warn" role="alert" data-testid="gc-extension-gone">
          <p>{t(lang, 'extensionGone', { count: props.extensionGone.unsaved })}</p>
        </div>
      )}
      {props.held && props.held.length > 0 && (
        <div className="gc-banner gc-banner-warn" role="alert" data-testid="gc-conflict">
          <p>{t(lang, 'conflictTitle', { count: props.held.length })}</p>
          <ul className="gc-held">
            {props.held.map((field) => (
              <li key={field.key} data-field={field.key}>
                <strong>{field.label}</strong>
                <span className="gc-muted">{t(lang, 'conflictMineValue', { value: clip(field.mine) })}</span>
                <span className="gc-muted">{t(lang, 'conflictTheirsValue', { value: clip(field.theirs) })}</span>
                {props.held!.length > 1 && props.onResolveField && (
                  <span>
                    <button type="button" onClick={trusted(() => props.onResolveField!(field.key, 'mine'))}>
                      {t(lang, 'conflictFieldMine')}
                    </button>
                    <button type="button" onClick={trusted(() => props.onResolveField!(field.key, 'theirs'))}>
                      {t(lang, 'conflictFieldTheirs')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={trusted(() => props.onResolveConflict('mine'))}>
            {t(lang, 'conflictMine')}
          </button>
          <button type="button" onClick={trusted(() => props.onResolveConflict('theirs'))}>
            {t(lang, 'conflictTheirs')}
          </button>
        </div>
      )}
      {props.notice && (
        <div className="gc-banner" role="status" data-testid="gc-notice">
          <p>{props.notice[lang]}</p>
          {props.onDismissNotice && (
            <button type="button" onClick={props.onDismissNotice}>
              OK
            </button>
          )}
        </div>
      )}
      {props.saveProblem && (
        <div className="gc-alert" role="alert" data-testid="gc-save-problem">
          <p>{props.saveProblem.message[lang]}</p>
          {props.saveProblem.retry && props.onRetry && (
            <button type="button" onClick={trusted(props.onRetry)}>
              {t(lang, 'saveRetry')}
            </button>
          )}
        </div>
      )}
      {props.fieldProblems?.map((problem) => (
        <p key={problem.key} className="gc-alert gc-field-problem" role="alert" data-field={problem.key}>
          {problem.label}：{problem.message[lang]}
        </p>
      ))}
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
              {t(lang, 'restoreNotTaken', {
                fields: props.fillResult.report.notTaken
                  .map((n) =>
                    t(lang, 'notTakenItem', {
                      field: n.key,
                      reason: t(lang, `notTaken_${n.reason}`, { wanted: n.wanted, got: n.got }),
                    }),
                  )
                  .join('；'),
              })}
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

/** Long values (a whole section) shown by their start only */
function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value || '（空）';
}
