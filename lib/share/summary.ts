import { findDirection, rulesFor } from '../engine/evaluate';
import { t } from '../i18n/pageMessages';
import type { Lang } from '../core/vocabulary';
import { verdictIds, verdictOf } from '../i18n/vocabulary';
import type { Rule, RulePack } from '../packs/schema';
import type { Share, ShareItem } from './model';

/**
 * A share as a Markdown checklist to paste into a chat, a mail or a document, or to print. Everything that comes
 * from the share (names, notes, reasons, field contents) is data: it is escaped so that no Markdown renderer turns it
 * into HTML, links or formatting, and line breaks inside it cannot start a new list item.
 */
export function shareSummaryMarkdown(
  share: Share,
  pack: RulePack | undefined,
  lang: Lang,
  layers: readonly RulePack[] = [],
): string {
  const direction = pack?.id === share.packId ? findDirection(pack, share.direction) : undefined;
  const rules = new Map<string, Rule>(direction && pack ? rulesFor(pack, direction, layers).map((r) => [r.id, r]) : []);
  // The pack's order first (the order of the panel), then ids this pack does not know.
  const ids = [
    ...[...rules.keys()].filter((id) => share.items[id]),
    ...Object.keys(share.items).filter((id) => !rules.has(id)),
  ];
  const lines = [
    `# ${t(lang, 'shareSummaryHeading', { code: share.direction, title: direction ? text(direction.title[lang]) : '' }).replace(/ {2,}/g, ' ')}`,
    '',
    t(lang, 'shareSummaryMeta', {
      pack: share.packId,
      version: share.packVersion,
      by: share.sharedBy ? text(share.sharedBy) : t(lang, 'shareSummaryAnonymous'),
      at: when(share.sharedAt),
    }),
    '',
    t(lang, 'shareSummaryCounts', share.findingsSummary),
    '',
    ...ids.flatMap((id) => itemLines(id, share.items[id]!, rules.get(id), lang)),
  ];
  if (share.fields && Object.keys(share.fields).length > 0) {
    lines.push(
      '',
      `## ${t(lang, 'shareSummaryFields')}`,
      '',
      ...Object.entries(share.fields).map(([key, value]) => `- ${text(key)}: ${text(value)}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function itemLines(id: string, item: ShareItem, rule: Rule | undefined, lang: Lang): string[] {
  const done = item.status === 'pass' || item.status === 'na';
  const title = rule ? text(rule.title[lang]) : `${text(id)} ${t(lang, 'shareSummaryUnknownRule')}`;
  const head = [
    `**${title}**`,
    item.status ? t(lang, verdictIds[verdictOf(item.status, rule?.severity ?? 'error')]) : undefined,
    item.owner ? `${t(lang, 'shareOwner')}: ${text(item.owner)}` : undefined,
  ];
  const lines = [`- [${done ? 'x' : ' '}] ${head.filter(Boolean).join(' · ')}`];
  const c = item.confirmation;
  if (c) {
    lines.push(
      `  - ${t(lang, 'shareSummaryConfirmed', { by: c.by ? text(c.by) : t(lang, 'shareSummaryAnonymous'), at: when(c.at) })}`,
    );
    if (c.note) lines.push(`  - ${t(lang, 'shareSummaryNote', { note: text(c.note) })}`);
  }
  const d = item.document;
  if (d)
    lines.push(
      `  - ${t(lang, 'shareSummaryDocument', { state: t(lang, d.ready ? 'shareSummaryDocumentReady' : 'shareSummaryDocumentNotReady'), at: when(d.at) })}`,
    );
  const a = item.acknowledgement;
  if (a)
    lines.push(
      `  - ${t(lang, 'shareSummaryAcknowledged', { reason: text(a.reason), by: a.by ? text(a.by) : t(lang, 'shareSummaryAnonymous'), at: when(a.at) })}`,
    );
  return lines;
}

/**
 * Shared text as inert Markdown: characters that start HTML, entities, links, code or emphasis are
 * backslash-escaped (CommonMark renders "\<" as "<"), and line breaks become spaces.
 */
export function markdownText(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]<>&|~!#]/g, (c) => `\\${c}`);
}

const text = markdownText;

/** Times in Beijing time, the portal's and the program's time zone, to the minute. */
function when(iso: string): string {
  const beijing = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)} (UTC+8)`;
}
