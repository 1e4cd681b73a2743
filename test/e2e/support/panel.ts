import type { Frame as PlaywrightFrame, Page as PlaywrightPage } from 'playwright-core';
import type { Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';

/**
 * Where a test finds the panel's document. Every panel locator in the e2e tests goes through these two, so moving
 * the panel (today in the page's shadow root) into an extension frame changes them and nothing else.
 */
export async function panelIn(page: PlaywrightPage): Promise<PlaywrightPage | PlaywrightFrame> {
  return page;
}

/** The same for Firefox through puppeteer (selectors there pierce shadow roots with `>>>`). */
export async function panelInFirefox(page: PuppeteerPage): Promise<PuppeteerPage | PuppeteerFrame> {
  return page;
}

/** A marker as the user sees it: its text and where it sits on the page. */
export interface SeenMarker {
  text: string;
  box: { x: number; y: number; width: number; height: number };
}

/** The markers drawn beside the portal's fields (they stay in the page's window, beside the fields they mark). */
export async function markersIn(page: PlaywrightPage): Promise<SeenMarker[]> {
  const markers = page.locator('.gc-marker');
  const seen: SeenMarker[] = [];
  for (let i = 0; i < (await markers.count()); i++) {
    const box = await markers.nth(i).boundingBox();
    if (box) seen.push({ text: (await markers.nth(i).getAttribute('aria-label')) ?? '', box });
  }
  return seen;
}
