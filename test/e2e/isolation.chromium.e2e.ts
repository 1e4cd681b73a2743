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

test('the page’s script cannot press our buttons: restore and profile fill act on the user’s click only', async () => {
  const sbbh = 'SQ2019ISOLATE2';
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, 'isolation-clicks');
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}`);
  await page.locator('.gc-panel').waitFor();
  await page.fill('[name="xmxx.xmmc"]', '只由用户恢复');
  await waitForDraft(env.browser.worker, `http://${env.host}|${sbbh}`, (f) => f['project.nameZh'] === '只由用户恢复');
  // A portal timeout: the form comes back empty and the panel offers the draft.
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}&expired=1`);
  const restore = page.getByTestId('gc-restore').getByRole('button', { name: '恢复草稿' });
  await restore.waitFor();
  // The user opens the 更多 menu, where profile fill sits.
  await page.getByTestId('gc-menu-toggle').click();
  await page.locator('.gc-profile-fill button').waitFor();

  // The page's own script finds our buttons and clicks them.
  const pressed = await page.evaluate(() => {
    const root = document.querySelector('guidecheck-overlay')?.shadowRoot;
    const buttons = Array.from(root?.querySelectorAll('button') ?? []);
    const press = (text: string) => {
      const b = buttons.find((x) => x.textContent?.includes(text));
      b?.click();
      b?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return Boolean(b);
    };
    return [press('恢复草稿'), press('填入常用资料')];
  });
  expect(pressed).toEqual([true, true]); // they were there to press
  // A negative needs a window to have happened in: a restore fills the field within a few milliseconds.
  await page.waitForTimeout(500);
  await expect(page.inputValue('[name="xmxx.xmmc"]')).resolves.toBe('');
  await expect(page.locator('.gc-profile-fill button').count()).resolves.toBe(1); // no profile list opened
  await expect(page.getByTestId('gc-profiles').count()).resolves.toBe(0);
  await expect(restore.count()).resolves.toBe(1);

  // The user's own click does act.
  await restore.click();
  await expect.poll(() => page.inputValue('[name="xmxx.xmmc"]')).toBe('只由用户恢复');
  await page.close();
});
