import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { startReplica } from '@/replica/server';
import { launchFirefox } from '@/scripts/support/browsers';

/** For one test file: the replica portal and Firefox ESR with the extension, closed after the file. */
export function firefoxOnReplica() {
  const env = {} as { replica: Awaited<ReturnType<typeof startReplica>>; browser: Browser };
  beforeAll(async () => {
    env.replica = await startReplica({ port: 0 });
    ({ browser: env.browser } = await launchFirefox());
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.replica?.close();
  });
  return env;
}

/**
 * Opens one of the extension's pages (`url`, moz-extension://…) in a tab. Firefox's remote agent never reports the
 * navigation of a moz-extension page as done, so this waits for the page itself: its address, loaded, and `selector`
 * in it.
 */
export async function openExtensionPageFirefox(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  selector: string,
): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await page
      .evaluate(
        (s) => document.readyState === 'complete' && document.querySelector(s) !== null && location.href,
        selector,
      )
      .catch(() => false);
    if (ready === url) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not show ${selector} within 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
