import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fingerprint, randomSeed, webcryptoEd25519 } from '@/lib/feed/crypto';
import { fromBase64Url } from '@/lib/feed/encoding';
import { keyFileFromSeed, type SigningKey } from '@/lib/feed/keyFile';
import { ManagedPolicy } from '@/lib/feed/policy';
import { chromeExtensionDir, launchChromium, type ChromiumWithExtension } from '@/scripts/support/browsers';
import { bundledPackVariant, startFeedServer } from '@/test/fixtures/feed-e2e/feedServer';
import { screenshotOnFailure } from './support/chromium';

/**
 * Rule updates end to end in Chromium: the test build (npm run build:test) against a feed served from
 * 127.0.0.1. The test build lists http://127.0.0.1/* as a host permission, because Playwright cannot
 * click the browser's permission prompt (context.grantPermissions does not cover extension permissions);
 * the store build only has https://*\/* as an optional permission, asked for when the user subscribes.
 */

async function newKey(): Promise<{ signing: SigningKey; publicKey: string }> {
  const seed = randomSeed();
  const file = await keyFileFromSeed(webcryptoEd25519, seed);
  return { signing: { kid: file.kid, seed }, publicKey: file.publicKey };
}

const hmt = (version: number) =>
  bundledPackVariant('2020-hmt', (p) => {
    p.version = version;
    p.expires = '2099-12-31';
  });

async function openRuleSources(browser: ChromiumWithExtension, name: string): Promise<Page> {
  const page = await browser.context.newPage();
  screenshotOnFailure(page, name);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('rule-sources').getByTestId('packs-in-use').waitFor();
  return page;
}

const versionOf = (page: Page, packId: string) =>
  page.locator(`[data-testid="packs-in-use"] tr[data-pack="${packId}"] [data-testid="pack-version"]`);

describe('subscribing to a feed from the options page', () => {
  let browser: ChromiumWithExtension;
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  let key: Awaited<ReturnType<typeof newKey>>;
  let page: Page;

  beforeAll(async () => {
    [feed, key] = await Promise.all([startFeedServer(), newKey()]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await feed?.close();
  });

  test('the fingerprint is shown before subscribing, and a newer pack is applied with a notice', async () => {
    await feed.publish([hmt(2)], [key.signing]);
    page = await openRuleSources(browser, 'feeds-subscribe');
    await expect.poll(() => versionOf(page, '2020-hmt').textContent()).toBe('1');

    const form = page.getByTestId('subscribe-form');
    await form.locator('input[name="feedUrl"]').fill(feed.indexUrl);
    await form.locator('textarea[name="feedKeys"]').fill(key.publicKey);
    await form.locator('input[name="feedName"]').fill('测试科研处');
    await form.getByRole('button', { name: /核对指纹/ }).click();
    await expect
      .poll(() => page.getByTestId('fingerprints').textContent())
      .toContain(await fingerprint(fromBase64Url(key.publicKey)!));
    await page.getByTestId('confirm-subscribe').click();

    await expect.poll(() => versionOf(page, '2020-hmt').textContent(), { timeout: 15_000 }).toBe('2');
    await expect.poll(() => page.getByTestId('update-notice').textContent()).toMatch(/规则已更新[\s\S]*版本 1 → 2/);
    const row = page.locator(`[data-feed="${feed.indexUrl}"]`);
    expect(await row.textContent()).toContain('测试科研处');
    expect(await row.getByTestId('feed-error').textContent()).toMatch(/正常/);
    // What the content script gets when it asks the background for the packs on the portal:
    const served = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { id: string; version: number }[] }> } };
        }
      ).chrome;
      return (await api.runtime.sendMessage({ type: 'getPacks' })).value.map((p) => `${p.id}@${p.version}`);
    });
    expect(served).toContain('2020-hmt@2');
  });

  test('a bad signature is refused: the old pack stays and the reason is shown', async () => {
    const stranger = await newKey();
    await feed.publish([hmt(3)], [stranger.signing]);
    await page.getByTestId('check-now').click();
    const error = page.locator(`[data-feed="${feed.indexUrl}"]`).getByTestId('feed-error');
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toMatch(/签名验证失败/);
    expect(await versionOf(page, '2020-hmt').textContent()).toBe('2');
  });

  test('a rollback to a lower version is refused', async () => {
    await feed.publish([hmt(1)], [key.signing]);
    await page.getByTestId('check-now').click();
    const error = page.locator(`[data-feed="${feed.indexUrl}"]`).getByTestId('feed-error');
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toMatch(/防止回滚/);
    expect(await versionOf(page, '2020-hmt').textContent()).toBe('2');
    await page.getByTestId('rule-sources').screenshot({ path: '/tmp/rule-sources.png' });
  });

  test('after a restart the stored pack is verified again and still used', async () => {
    const userDataDir = browser.userDataDir;
    await browser.context.close();
    browser = await launchChromium({ userDataDir });
    page = await openRuleSources(browser, 'feeds-restart');
    await expect.poll(() => versionOf(page, '2020-hmt').textContent()).toBe('2');
  });
});

/** The extension id Chromium derives from the manifest "key" (test build only): sha256 of the key, a–p for 0–f. */
function extensionIdOf(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: string };
  if (!manifest.key) throw new Error('The test build has no manifest key: run npm run build:test');
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Enterprise policy: Chromium on Linux reads /etc/chromium/policies/managed/*.json, which only root can
 * write (CI runs as root). Without root the browser part cannot run; the policy file is still checked
 * against the extension's policy schema, and the fixed test id against the manifest key.
 */
describe('a feed set by enterprise policy', () => {
  const policyDir = '/etc/chromium/policies/managed';
  const policyFile = join(policyDir, 'guidecheck-test.json');
  const isRoot = process.getuid?.() === 0;

  test('is listed read-only as set by the institution', async () => {
    const key = await newKey();
    const policy = {
      institutionName: '测试大学科研处',
      feeds: [{ url: 'https://127.0.0.1:9/guidecheck/index.json', keys: [key.publicKey], name: '单位规则源' }],
    };
    expect(ManagedPolicy.safeParse(policy).success).toBe(true);
    const id = extensionIdOf(chromeExtensionDir);
    expect(id).toMatch(/^[a-p]{32}$/);
    if (!isRoot) {
      console.warn(
        'Not root: the Chromium policy part needs to write /etc/chromium/policies/managed (see docs/admin.md).',
      );
      return;
    }
    const createdDir = !existsSync('/etc/chromium/policies');
    mkdirSync(policyDir, { recursive: true });
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
    const browser = await launchChromium();
    try {
      expect(browser.extensionId).toBe(id);
      const page = await openRuleSources(browser, 'feeds-policy');
      const row = page.locator('[data-source="policy"]');
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('单位规则源');
      expect(await row.getByTestId('feed-policy').textContent()).toMatch(/由单位统一设置/);
      expect(await row.getByRole('button', { name: /取消订阅/ }).count()).toBe(0);
      expect(await page.getByTestId('rule-sources').textContent()).toContain('测试大学科研处');
      // The feed host does not answer: the check fails in plain words and the bundled pack stays in use.
      await page.getByTestId('check-now').click();
      await expect
        .poll(() => row.getByTestId('feed-error').textContent(), { timeout: 20_000 })
        .toMatch(/下载失败|下载超时/);
      expect(await versionOf(page, '2020-hmt').textContent()).toBe('1');
    } finally {
      await browser.close();
      rmSync(policyFile, { force: true });
      if (createdDir) rmSync('/etc/chromium/policies', { recursive: true, force: true });
    }
  });
});
