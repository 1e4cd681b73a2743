/** UI strings by id, Chinese first. Components call `t(lang, id, vars)`; packs carry their own zh/en texts. */
import { feedsStrings } from './strings/feeds';
import { optionsStrings } from './strings/options';
import { overlayStrings } from './strings/overlay';
import { shareStrings } from './strings/share';
import { reportStrings } from './strings/report';

export type Lang = 'zh' | 'en';

/** One table per area (lib/i18n/strings/*.ts); test/unit/i18n checks that no id is in two tables. */
export const stringTables = { overlayStrings, optionsStrings, feedsStrings, shareStrings, reportStrings } satisfies Record<string, Record<string, Record<Lang, string>>>;

const messages = { ...overlayStrings, ...optionsStrings, ...feedsStrings, ...shareStrings, ...reportStrings };

export type MessageId = keyof typeof messages;

export function t(lang: Lang, id: MessageId, vars: Record<string, string | number> = {}): string {
  return messages[id][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
