import { isApplicationForm } from '../portal/detect';
import type { FieldMap } from '../portal/fieldMapSchema';
import { documentsOf } from '../portal/locate';
import { cleanUpAll } from '../portal/live';

/** How long a burst of page changes is let settle before looking again: well within the 500 ms wake target. */
export const SETTLE_MS = 120;

/**
 * Calls `onFound` once the page (or any same-origin frame, at any depth) becomes an application form: at once, or
 * later when a frame loads, an XHR-rendered form appears, an SPA route or a tab swaps one in. Until then it only
 * keeps one mutation observer per document whose callback sets a timer, so unrelated pages stay cheap.
 * Returns a function that stops watching.
 */
export function watchForApplicationForm(
  doc: Document,
  fieldMap: Pick<FieldMap, 'signature'>,
  onFound: () => void,
): () => void {
  const win = doc.defaultView;
  if (isApplicationForm(doc, fieldMap)) {
    onFound();
    return () => {};
  }
  const cleanups: (() => void)[] = [];
  const observed = new WeakSet<Document>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;

  const stop = () => {
    done = true;
    if (timer !== undefined) clearTimeout(timer);
    cleanUpAll(cleanups);
  };
  const check = () => {
    timer = undefined;
    if (done) return;
    observeAll();
    if (!isApplicationForm(doc, fieldMap)) return;
    stop();
    onFound();
  };
  const schedule = () => {
    if (timer === undefined && !done) timer = setTimeout(check, SETTLE_MS);
  };
  function observeAll() {
    for (const d of documentsOf(doc)) {
      if (observed.has(d) || !d.defaultView) continue;
      observed.add(d);
      const observer = new d.defaultView.MutationObserver(schedule);
      observer.observe(d.documentElement, { childList: true, subtree: true });
      // A frame's load event does not bubble, but a capturing listener on its parent document hears it.
      d.addEventListener('load', schedule, true);
      cleanups.push(() => {
        observer.disconnect();
        d.removeEventListener('load', schedule, true);
      });
    }
  }
  observeAll();
  if (win) {
    for (const type of ['popstate', 'hashchange']) {
      win.addEventListener(type, schedule);
      cleanups.push(() => win.removeEventListener(type, schedule));
    }
  }
  return stop;
}
