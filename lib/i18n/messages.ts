/**
 * UI strings by id, Chinese first, for the overlay. The content script carries this table, so strings only the
 * extension's pages show (sharing, popup, options) are in ./pageMessages.ts's tables. Packs carry their own zh/en texts.
 */
import type { Lang } from '../core/vocabulary';
import { overlayStrings } from './strings/overlay';

const messages = overlayStrings;

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
