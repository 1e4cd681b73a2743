/**
 * After an update or reload of the extension the old content script can no longer save. If a new one starts in the
 * same page (Firefox injects it into open tabs; so would a re-injection), it asks the old one which fields hold
 * unsaved changes and saves the page's current values of those fields. Only field keys cross the page's DOM: the
 * values are already in the page's form, so nothing of the user's becomes reachable that was not.
 */
const ASK = 'guidecheck:unsaved-keys?';
const ANSWER = 'guidecheck:unsaved-keys';

/** The old, dead script: answers with the keys of its unsaved changes for `draftKey`. */
export function offerUnsaved(doc: Document, draftKey: string, keys: () => string[]): void {
  doc.addEventListener(ASK, () =>
    doc.dispatchEvent(new CustomEvent(ANSWER, { detail: JSON.stringify({ key: draftKey, keys: keys() }) })),
  );
}

/** The new script: the keys an old script left unsaved for `draftKey` (events are dispatched synchronously). */
export function collectUnsaved(doc: Document, draftKey: string): string[] {
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
