import { useState } from 'react';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/core/vocabulary';
import { failureText } from './failureText';
import { trusted } from './trusted';

export interface ReportActionsProps {
  lang: Lang;
  onDownload(format: 'html' | 'markdown'): Promise<unknown>;
  onPrint(): Promise<unknown>;
}

/** The pre-review self-check report for the 单位管理员: download or print; a failure is said, not swallowed. */
export function ReportActions({ lang, onDownload, onPrint }: ReportActionsProps) {
  const [failed, setFailed] = useState('');
  const run = (action: () => Promise<unknown>) => {
    setFailed('');
    action().catch((error: unknown) => setFailed(failureText(lang, error)));
  };
  return (
    <p className="gc-report" data-testid="gc-report">
      <strong>{t(lang, 'panelReportTitle')}</strong>
      <button type="button" onClick={trusted(() => run(() => onDownload('html')))}>
        {t(lang, 'reportHtml')}
      </button>
      <button type="button" onClick={trusted(() => run(() => onDownload('markdown')))}>
        {t(lang, 'reportMarkdown')}
      </button>
      <button type="button" onClick={trusted(() => run(onPrint))}>
        {t(lang, 'reportPrint')}
      </button>
      {failed && (
        <span className="gc-alert" role="alert">
          {failed}
        </span>
      )}
    </p>
  );
}
