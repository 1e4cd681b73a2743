/**
 * Tells the extension pages (the options page lists drafts and profiles) that the drafts database changed: once per
 * burst, not once per write. Autosave commits at every keystroke, and each broadcast goes through the browser process
 * to every extension page, the checklist panels included, while the panel of the tab being typed in has work to do;
 * a list that refreshes a fraction of a second later loses nothing.
 */
export function createChangeNotice(
  send: () => void,
  {
    delayMs = 300,
    setTimer = setTimeout,
  }: { delayMs?: number; setTimer?: (fn: () => void, ms: number) => unknown } = {},
) {
  let due = false;
  return () => {
    if (due) return;
    due = true;
    setTimer(() => {
      due = false;
      send();
    }, delayMs);
  };
}
