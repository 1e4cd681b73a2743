import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Worker, chromium } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { artifactsDir, chromeExtensionDir, findBinary } from './paths';

export const chromiumPath = findBinary([process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

/** Chromium with the built extension loaded, in a fresh profile (or the given one, to reopen it). */
export async function launchChromium(options: { userDataDir?: string; extensionDir?: string } = {}): Promise<ChromiumWithExtension> {
  if (!chromiumPath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROME_PATH)');
  const extensionDir = options.extensionDir ?? chromeExtensionDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'gc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of `page` under test-results/ when the current test fails. */
export function screenshotOnFailure(page: Page, name: string) {
  onTestFailed(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`), fullPage: true }).catch(() => {});
  });
}
