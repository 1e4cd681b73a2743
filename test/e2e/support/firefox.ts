import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { TAB_STATUS_REQUEST } from '@/lib/messages/channels';
import type { TabStatus } from '@/lib/messages/protocol';
import { startReplica } from '@/replica/server';
import { launchFirefox } from '@/scripts/support/browsers';

/** The WebExtension API inside our extension page, where `page.evaluate` runs. */
declare const browser: {
  tabs: {
    query(query: { url: string }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<TabStatus | undefined>;
  };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown } | undefined> };
};

/** For one test file: the replica portal and Firefox ESR with the extension, closed after the file. */
export function firefoxOnReplica() {
  const env = {} as { replica: Awaited<ReturnType<typeof startReplica>>; browser: Browser; extensionOrigin: string };
  beforeAll(async () => {
    env.replica = await startReplica({ port: 0 });
    ({ browser: env.browser, extensionOrigin: env.extensionOrigin } = await launchFirefox());
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.replica?.close();
  });
  return env;
}

/**
 * One of our extension pages in a tab: through it a test asks what the popup and the options page ask (a tab's
 * status, a saved draft), so it waits for the condition instead of sleeping.
 */
export async function extensionPage(env: { browser: Browser; extensionOrigin: string }): Promise<Page> {
  const page = await env.browser.newPage();
  await page.goto(`${env.extensionOrigin}/options.html`);
  return page;
}

/** The content script's answer to the popup's status question for the tab showing `url`, once it has run there. */
export async function waitForTabStatus(extension: Page, url: string): Promise<TabStatus> {
  let status: TabStatus | undefined;
  await expect
    .poll(
      async () => {
        status = await extension.evaluate(
          async (href, type) => {
            const tab = (await browser.tabs.query({ url: 'http://127.0.0.1/*' })).find((t) => t.url === href);
            return tab?.id === undefined
              ? undefined
              : browser.tabs.sendMessage(tab.id, { type }).catch(() => undefined);
          },
          url,
          TAB_STATUS_REQUEST,
        );
        return status;
      },
      { timeout: 20_000 },
    )
    .toBeDefined();
  return status!;
}

/** Waits until the background holds draft `key` with fields that satisfy `ok` (autosave has committed them). */
export async function waitForDraftFields(
  extension: Page,
  key: string,
  ok: (fields: Record<string, string>) => boolean,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const answer = await extension.evaluate(
          (draftKey) => browser.runtime.sendMessage({ type: 'getDraft', key: draftKey }),
          key,
        );
        const fields = (answer?.value as { fields?: Record<string, string> } | null | undefined)?.fields;
        return fields !== undefined && ok(fields);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}
