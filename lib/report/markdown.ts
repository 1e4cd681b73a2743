import { t } from '../i18n/pageMessages';
import { contactDetails } from './contactDetails';
import { escapeMarkdown as md } from './escape';
import { verdictMarks } from '../i18n/vocabulary';
import { type Report, verdictLabel, verdictOrder } from './model';
import { colonOf, itemRecords, reportMeta } from './records';

/** The report as Markdown that reads well in a chat or an editor, rendered or not. */
export function reportToMarkdown(report: Report): string {
  const { lang } = report;
  const colon = colonOf(lang);
  const lines: string[] = [`# ${md(report.title)}`, ''];

  const meta = reportMeta(report);
  for (const [label, value] of meta) lines.push(`- **${md(label)}**${colon}${md(value)}`);

  if (report.facts.length) {
    lines.push('', `## ${md(t(lang, 'reportFunding'))}`, '');
    for (const fact of report.facts) lines.push(`- **${md(fact.label)}**${colon}${md(fact.value)}`);
  }

  lines.push('', `## ${md(t(lang, 'contacts'))}`, '');
  if (!report.contacts.length) lines.push(md(t(lang, 'reportNoContacts')));
  for (const contact of report.contacts) {
    const who = contact.organization ? `${contact.name} (${contact.organization})` : contact.name;
    const details = contactDetails(contact, lang).map((d) => `${md(d.label)}${colon}${md(d.value)}`);
    lines.push(`- ${[md(who), ...details].join(' · ')}`);
  }

  lines.push('', `## ${md(t(lang, 'reportTotals'))}`, '');
  const heads = verdictOrder.map((v) => `${verdictMarks[v]} ${md(verdictLabel(v, lang))}`);
  lines.push(`| ${heads.join(' | ')} | ${md(t(lang, 'reportTotal'))} |`);
  lines.push(`|${verdictOrder.map(() => '---:').join('|')}|---:|`);
  lines.push(`| ${verdictOrder.map((v) => report.totals.byVerdict[v]).join(' | ')} | ${report.totals.rules} |`);
  if (report.totals.acknowledged)
    lines.push('', md(t(lang, 'reportAcknowledgedCount', { n: report.totals.acknowledged })));

  if (!report.sections.length) lines.push('', md(t(lang, 'reportNoRules')));
  let number = 0;
  for (const section of report.sections) {
    lines.push('', `## ${md(section.label)}`, '');
    for (const item of section.items) {
      number++;
      const indent = ' '.repeat(String(number).length + 2);
      lines.push(
        `${number}. ${verdictMarks[item.verdict]} **${md(item.statusLabel)}** · ${md(item.severityLabel)} · ${md(item.title)}`,
      );
      for (const record of itemRecords(item, lang))
        lines.push(`${indent}- ${md(record.label)}${colon}${md(record.value)}`);
      lines.push(`${indent}- ${md(t(lang, 'quote'))}${colon}“${md(item.quote)}”`);
    }
  }

  const blank = '\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_';
  lines.push(
    '',
    '---',
    '',
    `**${md(t(lang, 'reportSignOff'))}**${colon}${md(t(lang, 'reportReviewer'))} ${blank}  ${md(t(lang, 'reportDate'))} ${blank}`,
  );
  lines.push('', `*${md(t(lang, 'reportDisclaimer'))}*`, '');
  return lines.join('\n');
}
