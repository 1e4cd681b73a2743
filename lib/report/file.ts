import type { Application } from '../application/model';
import type { Finding } from '../engine/finding';
import type { PackSummary } from '../packs/origin';
import type { RulePack } from '../packs/schema';
import { reportFileName } from './fileName';
import { reportToHtml } from './html';
import { reportToMarkdown } from './markdown';
import { buildReport } from './model';
import type { Lang, Checklist } from '../core/vocabulary';

export type ReportFormat = 'html' | 'markdown';

export interface ReportRequest {
  pack: RulePack;
  /** Other active packs adding rules to the direction, and what is known of every pack's origin */
  layers?: readonly RulePack[];
  packs?: readonly PackSummary[];
  direction: string;
  findings: Finding[];
  checklist: Checklist;
  application?: Application;
  applicationId: string;
  lang: Lang;
  format: ReportFormat;
}

/** The self-check report (形式审查自查表) as a file: its name, text and type. Undefined for an unknown direction. */
export function reportFile(request: ReportRequest, now = new Date()) {
  const direction = request.pack.directions.find((d) => d.code === request.direction);
  if (!direction) return undefined;
  const report = buildReport({
    pack: request.pack,
    layers: request.layers,
    packs: request.packs,
    direction,
    findings: request.findings,
    checklist: request.checklist,
    application: request.application,
    lang: request.lang,
    generatedAt: now.toISOString(),
    applicationId: request.applicationId,
  });
  return request.format === 'html'
    ? { name: reportFileName(report, 'html'), text: reportToHtml(report), type: 'text/html' }
    : { name: reportFileName(report, 'md'), text: reportToMarkdown(report), type: 'text/markdown' };
}
