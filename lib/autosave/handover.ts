import type { UserMessage } from '../messages/protocol';

/**
 * After an update or reload of the extension the old content script can no longer save. Chrome runs the new one in
 * the open tab (reinject.ts) in the same isolated world as the old one: the old script leaves a hand-over function
 * on that world's global object, and the new one calls it to learn which fields hold unsaved changes, then saves
 * the page's current values of those fields. The portal page lives in another world and can neither call it nor
 * pose as a successor, so it cannot make a live script stop saving.
 */
const SLOT = Symbol.for('guidecheck.handover');

type HandOver = () => string[];
type Scope = { [SLOT]?: Map<string, HandOver> };

/** The running script, for `draftKey`: `handOver` retires it and returns the keys of its unsaved changes. */
export function offerUnsaved(scope: object, draftKey: string, handOver: HandOver): void {
  const s = scope as Scope;
  s[SLOT] ??= new Map();
  s[SLOT].set(draftKey, handOver);
}

/** The new script: the keys the script before it left unsaved for `draftKey` (that script retires). */
export function collectUnsaved(scope: object, draftKey: string): string[] {
  const slots = (scope as Scope)[SLOT];
  const handOver = slots?.get(draftKey);
  if (!handOver) return [];
  slots!.delete(draftKey);
  return handOver();
}

/** What the new script tells the user after taking over. */
export function handedOverMessage(count: number): UserMessage {
  return {
    zh: `GuideCheck 已更新：上一版本尚未保存的 ${count} 个字段已接着自动保存，无需刷新本页。`,
    en: `GuideCheck was updated: ${count} fields the previous version had not saved yet are saved now; no need to reload this page.`,
  };
}
