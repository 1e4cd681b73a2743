import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { startReplica } from '@/replica/server';
import { type ChromiumWithExtension, launchChromium, root } from '@/scripts/support/browsers';

type Replica = Awaited<ReturnType<typeof startReplica>>;

export const artifactsDir = join(root, 'test-results');

/** Saves a screenshot of `page` under test-results/ (git-ignored) when the current test fails. */
export function screenshotOnFailure(page: Page, name: string) {
  onTestFailed(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    await page
      .screenshot({ path: join(artifactsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`), fullPage: true })
      .catch(() => {});
  });
}

/** A draft row as the extension's background stored it, read straight from its IndexedDB ("guidecheck"). */
export async function readDraft(
  worker: Worker,
  key: string,
): Promise<{ revision: number; fields: Record<string, string> } | undefined> {
  return worker.evaluate(
    (k) =>
      new Promise((resolve) => {
        const open = indexedDB.open('guidecheck');
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          const get = open.result.transaction('drafts').objectStore('drafts').get(k);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
          get.onerror = () => resolve(undefined);
        };
      }),
    key,
  );
}

/** Waits until the stored draft satisfies `ok` (autosave commits within milliseconds; this only absorbs scheduling). */
export async function waitForDraft(worker: Worker, key: string, ok: (fields: Record<string, string>) => boolean) {
  for (let i = 0; i < 100; i++) {
    const draft = await readDraft(worker, key);
    if (draft && ok(draft.fields)) return draft;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `draft ${key} never reached the expected state: ${JSON.stringify((await readDraft(worker, key))?.fields)}`,
  );
}

/** The tab id of `page`: without the "tabs" permission the worker cannot query by URL, so bring it to the front. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number | undefined> {
  await page.bringToFront();
  return worker.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: typeof browser }).chrome.tabs.query({ active: true }))[0]?.id,
  );
}

/** For one test file: the replica portal and a fresh Chromium with the extension, closed after the file. */
export function chromiumOnReplica() {
  const env = {} as { replica: Replica; browser: ChromiumWithExtension; host: string };
  beforeAll(async () => {
    env.replica = await startReplica({ port: 0 });
    env.host = new URL(env.replica.url).host;
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.replica?.close();
  });
  return env;
}
