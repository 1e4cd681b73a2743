/**
 * UI strings by id, Chinese first, for the overlay (content script) and what it shares with the pages.
 * The options page's own tables are in ./pageMessages.ts. Packs carry their own zh/en texts.
 */
import type { Lang } from '../core/vocabulary';
import { overlayStrings } from './strings/overlay';
import { shareStrings } from './strings/share';

const messages = { ...overlayStrings, ...shareStrings };

export type MessageId = keyof typeof messages;

export function translate<T extends Record<string, Record<Lang, string>>>(
  table: T,
  lang: Lang,
  id: keyof T,
  vars: Record<string, string | number> = {},
): string {
  return table[id]![lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function t(lang: Lang, id: MessageId, vars: Record<string, string | number> = {}): string {
  return translate(messages, lang, id, vars);
}
