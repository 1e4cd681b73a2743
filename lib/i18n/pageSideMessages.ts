/**
 * UI strings the content script shows in the portal page, by id, Chinese first. Its own small table, so the
 * panel's strings (./messages.ts) stay out of the content script; packs carry their own zh/en texts.
 */
import type { Lang } from '../core/vocabulary';
import { pageSideStrings } from './strings/pageSide';

export type PageSideMessageId = keyof typeof pageSideStrings;

export function translate<T extends Record<string, Record<Lang, string>>>(
  table: T,
  lang: Lang,
  id: keyof T,
  vars: Record<string, string | number> = {},
): string {
  return table[id]![lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function t(lang: Lang, id: PageSideMessageId, vars: Record<string, string | number> = {}): string {
  return translate(pageSideStrings, lang, id, vars);
}
