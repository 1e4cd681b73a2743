import { expect } from 'vitest';

/**
 * What the layout tests of both browsers assert about the panel beside the portal's form (issue 16).
 *
 * What an applicant must never read in Chinese UI text: enum values, dotted model paths, rule ids, the portal's
 * option codes (国家/地区 GJ004).
 */
export const internals =
  /\b(enterprise|university|institute)\b|\b(project|leadUnit|participants|pi|foreignPartners|budget|attachments|units)\.\w|\d{4}-[a-z]+-\d+\/|\bGJ\d{3}\b/;

/**
 * Run in the page: the visible form controls whose centre lies within the x-range [left, right) of the viewport,
 * in the page and in every frame it can reach (the panel's frame is another origin, so never among them).
 */
export function controlsUnder([left, right]: readonly [number, number]): string[] {
  const under: string[] = [];
  const visit = (doc: Document, dx: number) => {
    for (const c of Array.from(doc.querySelectorAll('input, select, textarea, button'))) {
      const box = c.getBoundingClientRect();
      if (box.width <= 0 || box.height <= 0 || getComputedStyle(c).visibility === 'hidden') continue;
      const x = dx + box.left + box.width / 2;
      if (x >= left && x < right)
        under.push((c as HTMLInputElement).name || c.id || c.textContent?.trim() || c.tagName);
    }
    for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        // another origin: not the form's
      }
      if (inner) visit(inner, dx + frame.getBoundingClientRect().left + frame.clientLeft);
    }
  };
  visit(document, 0);
  return under;
}

/** The panel's findings in order, by verdict: errors, warnings and unknowns all before the first passed one. */
export function expectErrorsFirst(verdicts: (string | null)[]): void {
  const firstPassed = verdicts.indexOf('pass');
  if (firstPassed >= 0)
    for (const v of ['error', 'warning', 'unknown']) expect(verdicts.lastIndexOf(v)).toBeLessThan(firstPassed);
  // The most severe verdict present leads the list.
  const order = ['error', 'warning', 'unknown', 'confirm', 'info', 'pass'];
  expect(verdicts[0]).toBe(order.find((v) => verdicts.includes(v)));
}
