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
