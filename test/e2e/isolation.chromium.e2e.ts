import { expect, test } from 'vitest';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { chromiumOnReplica, screenshotOnFailure, waitForDraft } from './support/chromium';

/**
 * The portal page is hostile: a script in it tries what an attacker's would. Each attempt is asserted to fail
 * against the built extension in real Chromium.
 */
const env = chromiumOnReplica();

test('the page hears no lifecycle message and cannot stop the overlay or autosave by forging one', async () => {
  const extensionId = new URL(env.browser.worker.url()).host;
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, 'isolation-lifecycle');
  const warnings: string[] = [];
  page.on('console', (m) => void warnings.push(m.text()));
  // Everything posted to the page's window, as the page's own scripts see it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
  });
  const sbbh = 'SQ2019ISOLATE1';
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  await page.locator('.gc-panel').waitFor();
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.join('\n')).not.toContain('content-script-started');
  expect(seen.join('\n')).not.toContain(extensionId);

  // The attacker knows the id anyway (a store extension's id is public) and fires WXT's event, as a newer copy of
  // our content script would.
  await page.evaluate((id) => {
    const type = `${id}:portal:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'portal', messageId: 'forged' } }));
    window.postMessage({ type, contentScriptName: 'portal', messageId: 'forged' }, '*');
  }, extensionId);
  // The event did reach the content script (so this test would fail without the guard) and was ignored.
  await expect.poll(() => warnings.some((w) => w.includes('ignored a forged'))).toBe(true);

  await page.fill('[name="xmxx.xmmc"]', '伪造事件之后仍自动保存');
  await waitForDraft(
    env.browser.worker,
    `http://${env.host}|${sbbh}`,
    (f) => f['project.nameZh'] === '伪造事件之后仍自动保存',
  );
  await expect(page.locator('.gc-panel').count()).resolves.toBe(1);
  await page.close();
});
