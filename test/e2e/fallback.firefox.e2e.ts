import { expect, test } from 'vitest';
import type { Browser, Frame } from 'puppeteer-core';
import { TAB_STATUS_REQUEST } from '@/lib/messages/channels';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { firefoxOnReplica, openExtensionPageFirefox } from './support/firefox';
import { panelInFirefox } from './support/panel';

/**
 * Firefox's side of fallback.chromium.e2e.ts. Firefox lets our content script frame panel.html even on a host that
 * web_accessible_resources leaves out (frame-refused.localhost in the test build), so there the panel stays in its
 * frame; the popup must say so, and say "blocked" once the page covers the panel.
 */
const env = firefoxOnReplica();

/** The panel mode the popup shows for the one portal tab open (found by asking each tab as the popup does). */
async function popupMode(firefox: Browser, panel: Frame, extensionBase: string): Promise<string | null> {
  const probe = await openExtensionPageFirefox(
    firefox,
    panel,
    `${extensionBase}/popup.html`,
    { width: 360, height: 320 },
    'main',
  );
  const tab = await probe.evaluate(async (type) => {
    for (const t of await browser.tabs.query({})) {
      const status = await browser.tabs.sendMessage(t.id!, { type }).catch(() => undefined);
      if ((status as { recognised?: boolean } | undefined)?.recognised) return t.id;
    }
    return undefined;
  }, TAB_STATUS_REQUEST);
  await probe.close();
  expect(tab).toBeDefined();
  const popup = await openExtensionPageFirefox(
    firefox,
    panel,
    `${extensionBase}/popup.html?tab=${tab}`,
    { width: 360, height: 320 },
    '[data-testid="popup-panel"]',
  );
  const mode = await popup.$eval('[data-testid="popup-panel"]', (el) => el.getAttribute('data-mode'));
  await popup.close();
  return mode;
}

test('Firefox: the panel stays framed where web_accessible_resources leaves the host out; the popup says so, and says blocked once the page covers it', async () => {
  const port = new URL(env.replica.url).port;
  const page = await env.browser.newPage();
  await page.goto(`http://frame-refused.localhost:${port}${APPLY_PATH}?sbbh=SQ2019FFFALLBACK`);
  await page.waitForSelector('body[data-loaded="1"]');
  const panel = await panelInFirefox(page);
  await panel.waitForSelector('.gc-panel', { timeout: 20_000 });
  const extensionBase = /^moz-extension:\/\/[^/]+/.exec(await panel.evaluate(() => location.href))?.[0] ?? '';
  expect(await popupMode(env.browser, panel, extensionBase)).toBe('frame');

  await page.evaluate(() => {
    const cover = document.createElement('div');
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
    document.body.append(cover);
  });
  expect(await popupMode(env.browser, panel, extensionBase)).toBe('blocked');
  await page.close();
});
