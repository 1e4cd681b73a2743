import { t } from '../i18n/pageMessages';
import { contactDetails } from './contactDetails';
import { escapeHtml as h } from './escape';
import { verdictMarks } from '../i18n/vocabulary';
import { type Report, verdictLabel, verdictOrder } from './model';
import { colonOf, itemRecords, reportMeta } from './records';
import { reportCss } from './style';

/**
 * The report as one standalone HTML document to save, mail or print. Every pack, draft or user string goes
 * through escapeHtml; the document has no script and no event attribute, and its CSP forbids both anyway.
 */
export function reportToHtml(report: Report): string {
  const { lang } = report;
  const colon = colonOf(lang);
  const meta = reportMeta(report);
  const pairs = (list: [string, string | undefined][]) =>
    list
      .filter((p): p is [string, string] => Boolean(p[1]))
      .map(([label, value]) => `<dt>${h(label)}</dt><dd>${h(value)}</dd>`)
      .join('');

  const body: string[] = [`<header><h1>${h(report.title)}</h1><dl class="meta">${pairs(meta)}</dl></header>`];

  if (report.facts.length) {
    body.push(
      `<section class="funding"><h2>${h(t(lang, 'reportFunding'))}</h2><dl class="facts">${pairs(report.facts.map((f) => [f.label, f.value]))}</dl></section>`,
    );
  }

  const contacts = report.contacts.map((c) => {
    const details = contactDetails(c, lang)
      .map((d) => ` · ${h(d.label)}${colon}${h(d.value)}`)
      .join('');
    return `<li><strong>${h(c.name)}</strong>${c.organization ? ` (${h(c.organization)})` : ''}${details}</li>`;
  });
  body.push(
    `<section class="contacts"><h2>${h(t(lang, 'contacts'))}</h2>${contacts.length ? `<ul class="contacts">${contacts.join('')}</ul>` : `<p>${h(t(lang, 'reportNoContacts'))}</p>`}</section>`,
  );

  const head = verdictOrder.map((v) => `<th class="n">${verdictMarks[v]} ${h(verdictLabel(v, lang))}</th>`).join('');
  const counts = verdictOrder.map((v) => `<td class="n">${report.totals.byVerdict[v]}</td>`).join('');
  body.push(
    `<section class="totals"><h2>${h(t(lang, 'reportTotals'))}</h2><table class="totals"><thead><tr>${head}<th class="n">${h(t(lang, 'reportTotal'))}</th></tr></thead><tbody><tr>${counts}<td class="n"><strong>${report.totals.rules}</strong></td></tr></tbody></table>` +
      (report.totals.acknowledged
        ? `<p>${h(t(lang, 'reportAcknowledgedCount', { n: report.totals.acknowledged }))}</p>`
        : '') +
      '</section>',
  );

  if (!report.sections.length) body.push(`<p>${h(t(lang, 'reportNoRules'))}</p>`);
  const columns = `<thead><tr><th>${h(t(lang, 'reportStatus'))}</th><th>${h(t(lang, 'reportSeverity'))}</th><th>${h(t(lang, 'reportRequirement'))}</th></tr></thead>`;
  for (const section of report.sections) {
    const items = section.items.map((item) => {
      const records = itemRecords(item, lang)
        .map((r) => `<li class="${r.kind}"><span class="label">${h(r.label)}${colon}</span>${h(r.value)}</li>`)
        .join('');
      return (
        `<tr class="${item.status}" data-verdict="${item.verdict}" data-rule="${h(item.ruleId)}">` +
        `<td class="status"><span class="mark">${verdictMarks[item.verdict]}</span>${h(item.statusLabel)}</td>` +
        `<td class="severity">${h(item.severityLabel)}</td>` +
        `<td><div class="title">${h(item.title)}</div>${records ? `<ul class="records">${records}</ul>` : ''}` +
        `<blockquote><span class="label">${h(t(lang, 'quote'))}${colon}</span>“${h(item.quote)}”</blockquote></td></tr>`
      );
    });
    body.push(
      `<section class="form-section" data-section="${section.section}"><h2>${h(section.label)}</h2><table class="rules">${columns}<tbody>${items.join('')}</tbody></table></section>`,
    );
  }

  body.push(
    `<footer><p class="sign-off"><strong>${h(t(lang, 'reportSignOff'))}</strong> — ${h(t(lang, 'reportReviewer'))}${colon}<span class="blank"></span>${h(t(lang, 'reportDate'))}${colon}<span class="blank"></span></p>` +
      `<p class="disclaimer">${h(t(lang, 'reportDisclaimer'))}</p></footer>`,
  );

  const title = `${report.title} ${report.direction.code}${report.application.id ? ` ${report.application.id}` : ''}`;
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${reportCss}</style>`,
    '</head>',
    `<body><main>${body.join('\n')}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}
