/**
 * Lets the page run: frameworks render after the event that changed their state (React 19 in a
 * microtask or task), so what we wrote is only read back, and new rows only looked for, after a turn.
 */
export function nextTurn(doc: Document, ms = 0): Promise<void> {
  const win = doc.defaultView ?? globalThis;
  return new Promise((resolve) => win.setTimeout(resolve, ms));
}
