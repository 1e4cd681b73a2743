import { afterAll, beforeAll } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
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
 * Opens one of the extension's pages (`url`, moz-extension://…) in a new tab, as a link in the extension would: with
 * `window.open` in `opener`, an extension page (the panel's frame; Firefox gives a framed extension page no `tabs`).
 * Firefox ESR 153's remote agent refuses to navigate a tab to a moz-extension address ("not allowed in this context"),
 * so this waits for the new page itself: its address, loaded, and `selector` in it.
 */
export async function openExtensionPageFirefox(
  firefox: Browser,
  opener: Frame,
  url: string,
  viewport: { width: number; height: number },
  selector: string,
): Promise<Page> {
  const open = new Set(await firefox.pages());
  await opener.evaluate((address) => void window.open(address, '_blank'), url);
  const deadline = Date.now() + 20_000;
  let page: Page | undefined;
  for (;;) {
    page ??= (await firefox.pages()).find((p) => !open.has(p));
    if (page) {
      const ready = await page
        .evaluate(
          (s) => document.readyState === 'complete' && document.querySelector(s) !== null && location.href,
          selector,
        )
        .catch(() => false);
      if (ready === url) {
        await page.setViewport(viewport);
        return page;
      }
    }
    if (Date.now() > deadline) throw new Error(`${url} did not show ${selector} within 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
