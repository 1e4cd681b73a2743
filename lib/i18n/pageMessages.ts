/**
 * UI strings of the extension's own pages and the background (options, popup, the self-check report): every
 * table. The content script uses ./pageSideMessages.ts, which leaves the other tables out to keep the script small.
 */
import { translate } from './pageSideMessages';
import { feedsStrings } from './strings/feeds';
import { optionsStrings } from './strings/options';
import { overlayStrings } from './strings/overlay';
import { pageSideStrings } from './strings/pageSide';
import { popupStrings } from './strings/popup';
import { reportStrings } from './strings/report';
import { shareStrings } from './strings/share';
import { shareSummaryStrings } from './strings/shareSummary';
import type { Lang } from '../core/vocabulary';

/** One table per area (lib/i18n/strings/*.ts); test/unit/i18n checks that no id is in two tables. */
export const stringTables = {
  pageSideStrings,
  overlayStrings,
  popupStrings,
  optionsStrings,
  feedsStrings,
  shareStrings,
  shareSummaryStrings,
  reportStrings,
} satisfies Record<string, Record<string, Record<Lang, string>>>;

const messages = {
  ...pageSideStrings,
  ...overlayStrings,
  ...popupStrings,
  ...optionsStrings,
  ...feedsStrings,
  ...shareStrings,
  ...shareSummaryStrings,
  ...reportStrings,
};

export type MessageId = keyof typeof messages;

export function t(lang: Lang, id: MessageId, vars: Record<string, string | number> = {}): string {
  return translate(messages, lang, id, vars);
}
