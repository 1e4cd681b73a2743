/**
 * UI strings by id, Chinese first, for the checklist panel (an extension page) and what it shares with the page side.
 * Strings only the extension's other pages show (sharing, popup, options) are in ./pageMessages.ts's tables; the
 * content script uses ./pageSideMessages.ts alone. Packs carry their own zh/en texts.
 */
import type { Lang } from '../core/vocabulary';
import { translate } from './pageSideMessages';
import { overlayStrings } from './strings/overlay';
import { pageSideStrings } from './strings/pageSide';

export type MessageId = keyof typeof overlayStrings | keyof typeof pageSideStrings;

// Looked up in both tables rather than one merged at load: the bundler keeps a top-level spread (it may run
// getters), and the content script imports this module through lib/overlay/view.ts, so the panel's table would ride along.
export function t(lang: Lang, id: MessageId, vars: Record<string, string | number> = {}): string {
  return id in pageSideStrings
    ? translate(pageSideStrings, lang, id as keyof typeof pageSideStrings, vars)
    : translate(overlayStrings, lang, id as keyof typeof overlayStrings, vars);
}
