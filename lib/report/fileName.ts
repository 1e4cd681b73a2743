import { t } from '../i18n/pageMessages';
import type { Report } from './model';
import { beijingCompactDate } from './time';

/** Characters Windows, macOS or a browser download refuse in a file name, and whitespace. */
const unsafe = /[\\/:*?"<>|\s\p{Cc}]+/gu;

/** "形式审查自查表-1.7-SQ2019YFE0100123-20261123.html"; parts that are unknown are left out. */
export function reportFileName(report: Report, ext: 'html' | 'md'): string {
  const parts = [
    t(report.lang, 'reportFileStem'),
    report.direction.code,
    report.application.id ?? '',
    beijingCompactDate(report.generatedAt),
  ];
  const name = parts
    .map((part) =>
      part
        .replace(unsafe, '_')
        .replace(/^[._]+|[._]+$/g, '')
        .slice(0, 80),
    )
    .filter(Boolean)
    .join('-');
  return `${name}.${ext}`;
}
