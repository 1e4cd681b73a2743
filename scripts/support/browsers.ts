import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Worker, chromium } from 'playwright-core';

/** Shared by `npm run demo`, `npm run bench` and the end-to-end tests. */
export const root = join(import.meta.dirname, '..', '..');
/** Built by `npm run build:test` (store builds plus the replica's hosts). */
export const chromeExtensionDir = join(root, '.output-test', 'chrome-mv3');
export const firefoxExtensionDir = join(root, '.output-test', 'firefox-mv2');

const CHROMIUM_CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
export const chromiumPath = CHROMIUM_CANDIDATES.find((c): c is string => !!c && existsSync(c));
export const firefoxPath = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
  (c): c is string => !!c && existsSync(c),
);

export const NO_CHROMIUM_MESSAGE =
  '未找到 Chromium。请安装：sudo apt-get install -y chromium fonts-noto-cjk（或设置 CHROME_PATH）\n' +
  'Chromium not found. Install it: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH to Chrome/Chromium).';

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

/** Chromium with the built extension loaded, in a fresh profile (or `userDataDir`, to reopen one). */
export async function launchChromium(
  options: { userDataDir?: string; extensionDir?: string; headless?: boolean } = {},
): Promise<ChromiumWithExtension> {
  if (!chromiumPath) throw new Error(NO_CHROMIUM_MESSAGE);
  const extensionDir = options.extensionDir ?? chromeExtensionDir;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run npm run build:test`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'gc-chromium-'));
  const context = await launchContext(userDataDir, extensionDir, options.headless);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    userDataDir,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium on `userDataDir` with the unpacked extension in `extensionDir` loaded (and no other). */
export function launchContext(userDataDir: string, extensionDir: string, headless = true): Promise<BrowserContext> {
  if (!chromiumPath) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
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
}

export const NO_FIREFOX_MESSAGE = 'Firefox not found: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).';

/** Firefox ESR driven by Puppeteer (Playwright cannot load Firefox extensions), with the built extension installed. */
export async function launchFirefox(options: { extensionDir?: string } = {}) {
  if (!firefoxPath) throw new Error(NO_FIREFOX_MESSAGE);
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    defaultViewport: { width: 1400, height: 900 },
    extraPrefsFirefox: { 'intl.accept_languages': 'zh-CN, zh, en' },
  });
  const extensionId = await browser.installExtension(options.extensionDir ?? firefoxExtensionDir);
  return { browser, extensionId };
}
