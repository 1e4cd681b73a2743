import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { APPLY_PATH, sampleAustria } from '@/scripts/support/replicaForm';
import type { Step } from './support/application';
import { artifactsDir } from './support/chromium';
import { firefoxOnReplica, openExtensionPageFirefox } from './support/firefox';
import { controlsUnder, expectErrorsFirst, internals } from './support/layout';
import { panelInFirefox, waitInPanelFirefox } from './support/panel';
import { puppeteerDriver } from './support/puppeteerDriver';

/**
 * The layout test's assertions that need no CDP, in Firefox ESR: on the standard form at the two screen sizes an
 * applicant most often has, the panel sits beside the filled form (no control's centre under it), errors come
 * first, the five counts fit one line and nothing internal shows. Screenshots of the panel, the popup, the options
 * page and a draft's detail go to test-results/layout/ for a person to look at.
 */
const env = firefoxOnReplica();
const shots = join(artifactsDir, 'layout');

const sampleSteps = (): Step[] => [
  ...Object.entries(sampleAustria.select ?? {}).map(([name, label]): Step => ({ do: 'select', name, label })),
  ...Object.entries(sampleAustria.text ?? {}).map(([name, value]): Step => ({ do: 'fill', name, value })),
  ...Object.entries(sampleAustria.budget ?? {}).map(
    ([name, value]): Step => ({ do: 'fill', name, value, frame: 'budget' }),
  ),
];

/** Where the panel (.gc-panel in its frame) sits in the page's viewport, in CSS pixels. */
async function panelBox(page: Page) {
  const frame = await panelInFirefox(page);
  const inFrame = await frame.$eval('.gc-panel', (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, width: r.width, screenX: Reflect.get(window, 'mozInnerScreenX') as number };
  });
  const pageX = await page.evaluate(() => Reflect.get(window, 'mozInnerScreenX') as number);
  return { x: inFrame.x + inFrame.screenX - pageX, width: inFrame.width };
}

let extensionBase = '';
let portal: Page | undefined;

/** An extension page, opened from the kept portal tab's panel (see openExtensionPageFirefox) */
const openExtensionPage = async (path: string, width: number, height: number, selector: string) =>
  openExtensionPageFirefox(
    env.browser,
    await panelInFirefox(portal!),
    `${extensionBase}/${path}`,
    { width, height },
    selector,
  );

test.each([
  [1280, 720],
  [1366, 768],
] as const)(
  'Firefox at %i×%i: beside the filled form, errors first, counts on one line, nothing internal',
  async (width, height) => {
    const page = await env.browser.newPage();
    await page.setViewport({ width, height });
    await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=SQ2019FFLAY${width}`);
    await page.waitForSelector('body[data-loaded="1"]');
    const panel = await panelInFirefox(page);
    await panel.waitForSelector('.gc-panel', { timeout: 20_000 });
    extensionBase = /^moz-extension:\/\/[^/]+/.exec(await panel.evaluate(() => location.href))?.[0] ?? '';
    const driver = puppeteerDriver(page);
    for (const step of sampleSteps()) await driver.run(step);
    // the filled form's two warnings are listed (the rules ran on what was typed)
    await waitInPanelFirefox(
      page,
      () => document.querySelectorAll('.gc-finding[data-verdict="warning"]').length >= 2,
      '',
      15_000,
    );

    const box = await panelBox(page);
    // docked to the right edge of the page's viewport (Firefox keeps the page's scrollbar beyond it)
    const viewport = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box.x + box.width).toBeGreaterThanOrEqual(viewport - 1);
    expect(await page.evaluate(controlsUnder, [box.x, box.x + box.width] as const)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    const seen = await panel.evaluate(() => ({
      verdicts: [...document.querySelectorAll('.gc-finding')].map((e) => e.getAttribute('data-verdict')),
      tops: [...document.querySelectorAll('[data-testid="gc-counts"] .gc-count')].map((e) =>
        Math.round(e.getBoundingClientRect().top),
      ),
      text: document.querySelector('.gc-panel')?.textContent ?? '',
    }));
    expectErrorsFirst(seen.verdicts);
    expect(seen.tops).toHaveLength(5);
    expect(new Set(seen.tops).size).toBe(1);
    expect(seen.text).not.toMatch(internals);

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `firefox-standard-${width}x${height}.png`) });
    // the last portal tab stays open for the popup to report on
    if (portal) await portal.close();
    portal = page;
  },
);

test('Firefox: the options page, a draft’s detail and the popup speak without internals', async () => {
  expect(extensionBase).toMatch(/^moz-extension:\/\//);
  const options = await openExtensionPage('options.html', 1280, 720, '[data-testid="drafts-search"]');
  await (await options.$('[data-testid="drafts-search"]'))!.type('SQ2019FFLAY1366');
  await waitFor(options, '[data-testid="drafts-table"] tbody tr [data-action="open"]');
  await options.click('[data-testid="drafts-table"] tbody tr [data-action="open"]');
  await waitFor(options, '[data-testid="draft-detail"] tr[data-field="leadUnit.type"]');
  const detail = await options.evaluate(() => ({
    type: document.querySelector('[data-testid="draft-detail"] tr[data-field="leadUnit.type"] .gc-value')?.textContent,
    text: document.body.textContent ?? '',
  }));
  expect(detail.type).toBe('高等院校');
  expect(detail.text).not.toMatch(internals);
  await options.screenshot({ path: join(shots, 'firefox-options.png'), fullPage: true });
  // the portal tab the popup reports on, as the toolbar button would give it
  const tab = await options.evaluate(
    async () => (await browser.tabs.query({})).find((t) => t.url?.includes('SQ2019FFLAY1366'))?.id ?? 0,
  );
  await options.close();

  const popup = await openExtensionPage(`popup.html?tab=${tab}`, 360, 320, '[data-testid="popup-counts"]');
  const popupText = await popup.evaluate(() => document.body.textContent ?? '');
  expect(popupText).toContain('打开检查面板');
  expect(popupText).not.toMatch(internals);
  await popup.screenshot({ path: join(shots, 'firefox-popup.png') });
  await Promise.all([popup.close(), portal?.close()]);
});

/** Waits until `selector` is in an extension page (puppeteer's own waits build a Function its CSP forbids). */
async function waitFor(page: Page, selector: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.$(selector))) {
    if (Date.now() > deadline) throw new Error(`${selector} did not appear within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
