import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fingerprint, randomSeed, webcryptoEd25519 } from '@/lib/feed/crypto';
import { fromBase64Url } from '@/lib/feed/encoding';
import { keyFileFromSeed, type SigningKey } from '@/lib/feed/keyFile';
import { ManagedPolicy } from '@/lib/feed/policy';
import { chromeExtensionDir, launchChromium, type ChromiumWithExtension } from '@/scripts/support/browsers';
import { bundledPackVariant, renamedPackVariant, startFeedServer } from '@/test/fixtures/feed-e2e/feedServer';
import { startReplica } from '@/replica/server';
import { APPLY_PATH, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { screenshotOnFailure } from './support/chromium';
import { panelIn } from './support/panel';

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
/** A user-added feed may only add pack ids: the bundled 2020-hmt belongs to the extension (or the institution). */
const office = (version: number) =>
  renamedPackVariant('2020-hmt', 'office-hmt', (p) => {
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
    await feed.publish([office(1), hmt(2)], [key.signing]);
    page = await openRuleSources(browser, 'feeds-subscribe');
    await expect.poll(() => versionOf(page, '2020-hmt').textContent()).toBe('1');
    expect(await versionOf(page, 'office-hmt').count()).toBe(0);

    const form = page.getByTestId('subscribe-form');
    await form.locator('input[name="feedUrl"]').fill(feed.indexUrl);
    await form.locator('textarea[name="feedKeys"]').fill(key.publicKey);
    await form.locator('input[name="feedName"]').fill('测试科研处');
    await form.getByRole('button', { name: /核对指纹/ }).click();
    await expect
      .poll(() => page.getByTestId('fingerprints').textContent())
      .toContain(await fingerprint(fromBase64Url(key.publicKey)!));
    await page.getByTestId('confirm-subscribe').click();

    await expect.poll(() => versionOf(page, 'office-hmt').textContent(), { timeout: 15_000 }).toBe('1');
    const row = page.locator(`[data-feed="${feed.indexUrl}"]`);
    expect(await row.textContent()).toContain('测试科研处');
    // The feed's 2020-hmt v2 does not replace the bundled pack of that id: only new ids come from a user's feed.
    expect(await versionOf(page, '2020-hmt').textContent()).toBe('1');
    expect(await row.getByTestId('feed-error').textContent()).toMatch(/无权发布规则包 2020-hmt/);

    await feed.publish([office(2)], [key.signing]);
    await page.getByTestId('check-now').click();
    await expect.poll(() => versionOf(page, 'office-hmt').textContent(), { timeout: 15_000 }).toBe('2');
    await expect.poll(() => page.getByTestId('update-notice').textContent()).toMatch(/规则已更新[\s\S]*版本 1 → 2/);
    await expect.poll(() => row.getByTestId('feed-error').textContent()).toMatch(/正常/);
    expect(await page.locator('tr[data-pack="office-hmt"] [data-testid="pack-source"]').textContent()).toContain(
      '测试科研处',
    );
    // What the content script gets when it asks the background for the packs on the portal:
    const served = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              sendMessage(
                m: unknown,
              ): Promise<{ value: { summary: { id: string; version: number; origin: string } }[] }>;
            };
          };
        }
      ).chrome;
      return (await api.runtime.sendMessage({ type: 'getPacks' })).value.map(
        ({ summary: p }) => `${p.id}@${p.version}:${p.origin}`,
      );
    });
    expect(served).toContain('office-hmt@2:user');
    expect(served).toContain('2020-hmt@1:bundled');
  });

  test('a bad signature is refused: the old pack stays and the reason is shown', async () => {
    const stranger = await newKey();
    await feed.publish([office(3)], [stranger.signing]);
    await page.getByTestId('check-now').click();
    const error = page.locator(`[data-feed="${feed.indexUrl}"]`).getByTestId('feed-error');
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toMatch(/签名验证失败/);
    expect(await versionOf(page, 'office-hmt').textContent()).toBe('2');
  });

  test('a rollback to a lower version is refused', async () => {
    await feed.publish([office(1)], [key.signing]);
    await page.getByTestId('check-now').click();
    const error = page.locator(`[data-feed="${feed.indexUrl}"]`).getByTestId('feed-error');
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toMatch(/防止回滚/);
    expect(await versionOf(page, 'office-hmt').textContent()).toBe('2');
    await page.getByTestId('rule-sources').screenshot({ path: '/tmp/rule-sources.png' });
  });

  test('after a restart the stored pack is verified again and still used', async () => {
    const userDataDir = browser.userDataDir;
    await browser.context.close();
    browser = await launchChromium({ userDataDir });
    page = await openRuleSources(browser, 'feeds-restart');
    await expect.poll(() => versionOf(page, 'office-hmt').textContent()).toBe('2');
  });
});

/** The extension id Chromium derives from the manifest "key" (test build only): sha256 of the key, a–p for 0–f. */
function extensionIdOf(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: string };
  if (!manifest.key) throw new Error('The test build has no manifest key: run npm run build:test');
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Writes the managed policy Chromium gives our extension: the institution's name and its feeds. */
function writeInstitutionPolicy(file: string, feeds: { url: string; keys: string[]; name: string }[]) {
  const policy = { institutionName: '测试大学科研处', feeds };
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionIdOf(chromeExtensionDir)]: policy } } }));
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
    writeInstitutionPolicy(policyFile, policy.feeds);
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

/**
 * docs/admin.md §5 with the admin CLI, against the institution's policy feed: publish with the old key, rotate
 * (key list signed by old + new, every pack re-signed at the same version), update the policy, and restart the
 * browser (so the service worker and its re-verification) twice. Needs root for the policy folder, like above.
 */
describe('key rotation of the institution’s feed, as docs/admin.md §5 says', () => {
  const policyDir = '/etc/chromium/policies/managed';
  const policyFile = join(policyDir, 'guidecheck-rotation.json');
  const isRoot = process.getuid?.() === 0;
  const repo = join(import.meta.dirname, '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'gc-rotation-'));
  const run = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(
      join(repo, 'node_modules', '.bin', 'tsx'),
      [join(repo, 'scripts', 'rules.ts'), ...args],
      {
        cwd: work,
        env: { ...process.env, HOME: work },
      },
    );
    return stdout;
  };
  const keygen = async (name: string) => {
    await run('keygen', '--out', join(work, name));
    const files = readdirSync(join(work, name));
    const pub = JSON.parse(readFileSync(join(work, name, files.find((f) => f.endsWith('.public.json'))!), 'utf8'));
    return {
      private: join(work, name, files.find((f) => f.endsWith('.private.json'))!),
      kid: pub.kid as string,
      publicKey: pub.publicKey as string,
    };
  };
  const setPolicy = (keys: string[], url: string) =>
    writeInstitutionPolicy(policyFile, [{ url, keys, name: '科研处规则源' }]);

  test('the institution’s pack stays in use through the rotation and two restarts', { timeout: 240_000 }, async () => {
    if (!isRoot) {
      console.warn('Not root: the rotation e2e needs to write /etc/chromium/policies/managed (see docs/admin.md).');
      return;
    }
    const feed = await startFeedServer();
    const createdDir = !existsSync('/etc/chromium/policies');
    mkdirSync(policyDir, { recursive: true });
    let browser: ChromiumWithExtension | undefined;
    try {
      // §1–4: the old key signs 2020-hmt v3; the folder goes on the host; the policy lists the old key.
      const [oldKey, newKey] = [await keygen('old'), await keygen('new')];
      writeFileSync(join(work, '2020-hmt.json'), hmt(3));
      await run('publish', join(work, 'feed'), '--key', oldKey.private, join(work, '2020-hmt.json'));
      feed.serveFolder(join(work, 'feed'));
      setPolicy([oldKey.publicKey], feed.indexUrl);
      browser = await launchChromium();
      let page = await openRuleSources(browser, 'feeds-rotation');
      await page.getByTestId('check-now').click();
      await expect.poll(() => versionOf(page, '2020-hmt').textContent(), { timeout: 20_000 }).toBe('3');

      // §5 step 1–2: the key list signed by the old and the new key; the same pack, same version, signed by the new key.
      writeFileSync(
        join(work, 'keylist.json'),
        JSON.stringify({ seq: 1, threshold: 1, keys: [{ kid: newKey.kid, publicKey: newKey.publicKey }] }),
      );
      await run(
        'sign',
        join(work, 'keylist.json'),
        '--key',
        oldKey.private,
        '--key',
        newKey.private,
        '-o',
        join(work, 'keys.signed.json'),
      );
      await run(
        'publish',
        join(work, 'feed2'),
        '--keys',
        join(work, 'keys.signed.json'),
        '--key',
        newKey.private,
        join(work, '2020-hmt.json'),
      );
      feed.serveFolder(join(work, 'feed2'));
      await page.getByTestId('check-now').click();
      const row = page.locator('[data-source="policy"]');
      await expect.poll(() => row.getByTestId('feed-error').textContent(), { timeout: 20_000 }).toMatch(/正常/);
      expect(await versionOf(page, '2020-hmt').textContent()).toBe('3');

      // Restart 1: the stored copy (re-signed by the new key) verifies under the rotated keys.
      // Restart 2, after §5 step 3: the policy lists the new key only.
      for (const [restart, keys] of [
        [1, [oldKey.publicKey]],
        [2, [newKey.publicKey]],
      ] as const) {
        setPolicy([...keys], feed.indexUrl);
        const userDataDir = browser.userDataDir;
        await browser.context.close();
        browser = await launchChromium({ userDataDir });
        page = await openRuleSources(browser, `feeds-rotation-restart-${restart}`);
        await expect.poll(() => versionOf(page, '2020-hmt').textContent(), { timeout: 20_000 }).toBe('3');
        expect(await page.locator('tr[data-pack="2020-hmt"] [data-testid="pack-source"]').textContent()).toContain(
          '科研处规则源',
        );
        const served = await page.evaluate(async () => {
          const api = (
            globalThis as unknown as {
              chrome: {
                runtime: {
                  sendMessage(m: unknown): Promise<{ value: { summary: { id: string; version: number } }[] }>;
                };
              };
            }
          ).chrome;
          return (await api.runtime.sendMessage({ type: 'getPacks' })).value.map(
            ({ summary: p }) => `${p.id}@${p.version}`,
          );
        });
        expect(served, `restart ${restart}`).toContain('2020-hmt@3');
        await page.getByTestId('check-now').click();
        await expect
          .poll(() => page.locator('[data-source="policy"]').getByTestId('feed-error').textContent(), {
            timeout: 20_000,
          })
          .toMatch(/正常/);
        expect(await versionOf(page, '2020-hmt').textContent()).toBe('3');
      }
    } finally {
      await browser?.close();
      rmSync(browser?.userDataDir ?? join(work, 'none'), { recursive: true, force: true });
      await feed.close();
      rmSync(policyFile, { force: true });
      if (createdDir) rmSync('/etc/chromium/policies', { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/**
 * An institution's layer delivered as docs/admin.md says: the pack (rules/examples/institution-2026.json: the
 * 2026 通用条件 for every direction, plus an added rule for 2019-intl-1 1.7) signed and published on the
 * institution's feed, the feed set by enterprise policy. On the replica its general condition is found beside the
 * guideline's own findings, and the panel names each pack, its version and its source. Needs root, like above.
 */
describe('an institution’s layer from its policy feed, on the replica', () => {
  const policyDir = '/etc/chromium/policies/managed';
  const policyFile = join(policyDir, 'guidecheck-layers.json');
  const isRoot = process.getuid?.() === 0;
  const institutionPack = readFileSync(
    join(import.meta.dirname, '..', '..', 'rules', 'examples', 'institution-2026.json'),
    'utf8',
  );
  const { title } = JSON.parse(institutionPack) as { title: { zh: string } };

  test('adds the general conditions to the matched direction; each finding names its pack and source', async () => {
    if (!isRoot) {
      console.warn('Not root: the layer e2e needs to write /etc/chromium/policies/managed (see docs/admin.md).');
      return;
    }
    const [feed, key, replica] = await Promise.all([startFeedServer(), newKey(), startReplica({ port: 0 })]);
    await feed.publish([institutionPack], [key.signing]);
    const createdDir = !existsSync('/etc/chromium/policies');
    mkdirSync(policyDir, { recursive: true });
    writeInstitutionPolicy(policyFile, [{ url: feed.indexUrl, keys: [key.publicKey], name: '科研处规则源' }]);
    let browser: ChromiumWithExtension | undefined;
    try {
      browser = await launchChromium();
      const options = await openRuleSources(browser, 'layers-options');
      await options.getByTestId('check-now').click();
      await expect
        .poll(() => versionOf(options, 'example-institution-2026').textContent(), { timeout: 20_000 })
        .toBe('1');

      const page = await browser.context.newPage();
      screenshotOnFailure(page, 'layers-replica');
      await page.goto(`${replica.url}${APPLY_PATH}?sbbh=SQ2019LAY0001`);
      await page.locator('body[data-loaded="1"]').waitFor();
      const panel = await panelIn(page);
      await panel.locator('.gc-panel').waitFor();
      await fillReplica(page, { ...sampleAustria, text: { ...sampleAustria.text, 'xmfzr.csrq': '1960-05-01' } });

      const born = panel.locator('.gc-finding[data-rule="example-institution-2026/*/pi-born-on-or-after-1965-01-01"]');
      await expect.poll(() => born.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('error');
      expect(await born.locator('.gc-message').textContent()).toBe('项目负责人出生日期 1960-05-01，早于 1965-01-01');
      expect(await born.getByTestId('gc-layer').textContent()).toContain(title.zh);
      expect(await born.getByTestId('gc-source').textContent()).toBe(
        `规则来源：${title.zh} · 第 1 版 · 单位规则源「科研处规则源」`,
      );
      // The guideline's own findings stay beside it, named as bundled.
      const own = panel.locator('.gc-finding[data-rule="2019-intl-1/1.7/duration-max-2y"]');
      expect(await own.getAttribute('data-verdict')).toBe('warning');
      expect(await own.getByTestId('gc-source').textContent()).toMatch(/第 \d+ 版 · 扩展内置$/);
      expect(await own.getByTestId('gc-layer').count()).toBe(0);
      // The institution's rule added to 1.7 only, and the pack lines with version and source.
      expect(
        await panel
          .locator('.gc-finding[data-rule="example-institution-2026/2019-intl-1-1.7/internal-deadline-agreement"]')
          .count(),
      ).toBe(1);
      const packs = panel.getByTestId('gc-packs');
      expect(await packs.locator('li[data-pack="example-institution-2026"]').textContent()).toBe(
        `${title.zh} · 第 1 版 · 单位规则源「科研处规则源」`,
      );
      // The bundled 2019 guideline is past its expiry date: flagged beside 所用规则包 and on its line.
      const bundled = await packs.locator('li[data-pack="2019-intl-1"]').textContent();
      expect(bundled).toMatch(/· 第 \d+ 版 · 扩展内置规则已过期（有效期至 2019-12-31），请检查更新$/);
      expect(await packs.getByTestId('gc-packs-flag').textContent()).toContain('规则已过期');
      expect(await packs.locator('li').count()).toBe(2);
    } finally {
      await browser?.close();
      rmSync(browser?.userDataDir ?? join(tmpdir(), 'none'), { recursive: true, force: true });
      await feed.close();
      await replica.close();
      rmSync(policyFile, { force: true });
      if (createdDir) rmSync('/etc/chromium/policies', { recursive: true, force: true });
    }
  });
});
