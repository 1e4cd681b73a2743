import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/core/vocabulary';
import { trusted } from './trusted';

export interface ReportActionsProps {
  lang: Lang;
  onDownload(format: 'html' | 'markdown'): void;
  onPrint(): void;
}

/** The pre-review self-check report for the 单位管理员: download or print. */
export function ReportActions({ lang, onDownload, onPrint }: ReportActionsProps) {
  return (
    <p className="gc-report" data-testid="gc-report">
      <strong>{t(lang, 'panelReportTitle')}</strong>
      <button type="button" onClick={trusted(() => onDownload('html'))}>
        {t(lang, 'reportHtml')}
      </button>
      <button type="button" onClick={trusted(() => onDownload('markdown'))}>
        {t(lang, 'reportMarkdown')}
      </button>
      <button type="button" onClick={trusted(onPrint)}>
        {t(lang, 'reportPrint')}
      </button>
    </p>
  );
}
