import type { Lang } from '../i18n/messages';
import { reportFileName } from '../report/fileName';
import { reportToHtml } from '../report/html';
import { reportToMarkdown } from '../report/markdown';
import { buildReport } from '../report/model';
import type { OverlayState } from './controller';

export type ReportFormat = 'html' | 'markdown';

/** The self-check report (形式审查自查表) of what the panel shows now: its file name and text. */
export function reportFile(state: OverlayState, format: ReportFormat, applicationId: string, lang: Lang, now = new Date()) {
  const match = state.direction;
  if (!match) return undefined;
  const report = buildReport({
    pack: match.pack,
    direction: match.direction,
    findings: state.findings,
    checklist: state.checklist,
    application: state.application,
    lang,
    generatedAt: now.toISOString(),
    applicationId,
  });
  return format === 'html'
    ? { name: reportFileName(report, 'html'), text: reportToHtml(report), type: 'text/html' }
    : { name: reportFileName(report, 'md'), text: reportToMarkdown(report), type: 'text/markdown' };
}
