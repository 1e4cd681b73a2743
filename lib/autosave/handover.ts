import type { UserMessage } from '../messages/protocol';

/**
 * After an update or reload of the extension the old content script can no longer save. Chrome runs the new one in
 * the open tab (reinject.ts; Firefox does it itself) in a new isolated world, so the two meet only through the
 * page's DOM: the new one asks which fields hold unsaved changes and saves the page's current values of those
 * fields. Only field keys cross the DOM (the values are in the page's form already), and only a dead script
 * answers: a page that asks cannot make a live script retire or stop saving.
 */
const ASK = 'guidecheck:unsaved-keys?';
const ANSWER = 'guidecheck:unsaved-keys';

/**
 * Registered by every script at start. `handOver` returns the keys of its unsaved changes for `draftKey` and
 * retires the old panel, or undefined while the script is alive (then nothing is answered).
 */
export function offerUnsaved(doc: EventTarget, draftKey: string, handOver: () => string[] | undefined): void {
  doc.addEventListener(ASK, () => {
    const keys = handOver();
    if (keys) doc.dispatchEvent(new CustomEvent(ANSWER, { detail: JSON.stringify({ key: draftKey, keys }) }));
  });
}

/** The new script: the keys an old script left unsaved for `draftKey` (events are dispatched synchronously). */
export function collectUnsaved(doc: EventTarget, draftKey: string): string[] {
  const keys = new Set<string>();
  const onAnswer = (event: Event) => {
    try {
      const answer = JSON.parse(String((event as CustomEvent).detail)) as { key?: unknown; keys?: unknown };
      if (answer.key !== draftKey || !Array.isArray(answer.keys)) return;
      for (const k of answer.keys) if (typeof k === 'string' && k.length <= 300) keys.add(k);
    } catch {
      // not an answer of ours (the page may dispatch anything): ignored
    }
  };
  doc.addEventListener(ANSWER, onAnswer);
  doc.dispatchEvent(new Event(ASK));
  doc.removeEventListener(ANSWER, onAnswer);
  return [...keys];
}

/** What the new script tells the user after taking over. */
export function handedOverMessage(count: number): UserMessage {
  return {
    zh: `GuideCheck 已更新：上一版本尚未保存的 ${count} 个字段已接着自动保存，无需刷新本页。`,
    en: `GuideCheck was updated: ${count} fields the previous version had not saved yet are saved now; no need to reload this page.`,
  };
}
