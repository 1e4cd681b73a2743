import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { APPLY_PATH, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { chromiumOnReplica, screenshotOnFailure, waitForDraft } from './support/chromium';
import { clickMarker, markerSaying, panelIn, waitSaved } from './support/panel';

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
  await (await panelIn(page)).locator('.gc-panel').waitFor();
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
  await expect((await panelIn(page)).locator('.gc-panel').count()).resolves.toBe(1);
  await page.close();
});

/**
 * Everything a script of the page can reach: its DOM (attributes and text), open shadow roots and same-origin
 * frames, with what it could not open counted. Installed as the page's own function, run in the page's world.
 */
async function installReacher(page: Page) {
  await page.evaluate(() => {
    (
      window as unknown as { __reach: () => { text: string; closedHosts: number; blocked: number; frames: number } }
    ).__reach = () => {
      let text = '';
      let closedHosts = 0;
      let blocked = 0;
      const walk = (root: Document | ShadowRoot | Element) => {
        for (const el of root.querySelectorAll('*')) {
          for (const a of el.getAttributeNames()) text += ` ${el.getAttribute(a)}`;
          if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) text += ` ${el.value}`;
          if (el.tagName.includes('-') && !el.shadowRoot) closedHosts++;
          if (el.shadowRoot) walk(el.shadowRoot);
        }
        text += ` ${(root as Document).body?.textContent ?? (root as Element).textContent ?? ''}`;
      };
      walk(document);
      for (let i = 0; i < window.frames.length; i++) {
        try {
          const doc = window.frames[i]!.document;
          walk(doc);
          text += ` ${doc.documentElement.outerHTML}`;
        } catch {
          blocked++; // another origin: the browser keeps its document from us
        }
      }
      return { text, closedHosts, blocked, frames: window.frames.length };
    };
  });
  return () =>
    page.evaluate(() =>
      (
        window as unknown as { __reach: () => { text: string; closedHosts: number; blocked: number; frames: number } }
      ).__reach(),
    );
}

/** The page's script presses wherever it can: elements at a point, every frame's window, forged bridge messages. */
async function pressEverything(page: Page, points: { x: number; y: number }[]) {
  return page.evaluate((at) => {
    let pressed = 0;
    for (const { x, y } of at) {
      const target = document.elementFromPoint(x, y);
      if (!target) continue;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        target.dispatchEvent(
          new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y }),
        );
      (target as HTMLElement).click?.();
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      pressed++;
    }
    // The frame's window is reachable: speak to it as the page side would, without the nonce or the port.
    for (let i = 0; i < window.frames.length; i++) {
      const w = window.frames[i]!;
      for (const command of ['restore', 'fillFields', 'dismissRestore', 'setCollapsed'])
        w.postMessage({ kind: 'call', id: 1, command, args: [] }, '*');
      w.postMessage({ type: 'guidecheck:panel', nonce: '' }, '*', [new MessageChannel().port2]);
    }
    return pressed;
  }, points);
}

test('a script in the page cannot read the panel or profiles, press our buttons or markers, read a report or stop autosave', async () => {
  // A saved profile offered on this site, with values the page must never see.
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  const profiles = options.locator('[data-testid="profiles-leadUnit"]');
  await profiles.locator('[data-action="add-leadUnit"]').click();
  const form = profiles.locator('[data-testid="profile-form-leadUnit"]');
  await form.locator('input[name="name"]').fill('机密隔离大学');
  await form.locator('input[name="creditCode"]').fill('12100000400000624D');
  await form.locator('input[name="origins"]').fill(new URL(env.replica.url).origin);
  await form.locator('[data-action="save-profile"]').click();
  await form.waitFor({ state: 'detached' });
  await options.close();

  const sbbh = 'SQ2019ISOLATE2';
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, 'isolation-hostile');
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  await fillReplica(page, sampleAustria);
  await waitForDraft(env.browser.worker, `http://${env.host}|${sbbh}`, (f) => f['budget.central'] !== undefined);
  // A portal timeout: the form comes back empty and the panel offers the draft.
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}&expired=1`);
  await page.locator('body[data-loaded="1"]').waitFor();
  let panel = await panelIn(page);
  const restore = panel.getByTestId('gc-restore').getByRole('button', { name: '恢复草稿' });
  await restore.waitFor();
  // The user opens the 更多 menu and lists the profiles: the panel shows the saved unit.
  await panel.getByTestId('gc-menu-toggle').click();
  await panel.locator('.gc-profile-fill button').click();
  const profileButton = panel.getByTestId('gc-profiles').getByRole('button', { name: '申报单位：机密隔离大学' });
  await profileButton.waitFor();
  const panelText = (await panel.locator('.gc-panel').textContent()) ?? '';
  expect(panelText).toContain('恢复草稿');

  // 1. Reading: no shadow root to open, the frame's document is another origin's, and none of the panel's words
  // or the profile's values are anywhere the page can look.
  const reach = await installReacher(page);
  const seen = await reach();
  expect(seen.closedHosts).toBeGreaterThanOrEqual(1); // our layer is there, and closed
  // The panel's frame sits in the closed root: it is not even among the page's window.frames, whose documents
  // the page read in full (its own budget frame); a frame of another origin would have refused it.
  expect(seen.frames).toBe(await page.locator('iframe').count());
  expect(seen.blocked).toBe(0);
  for (const secret of ['机密隔离大学', '12100000400000624D', 'GuideCheck 自查', '恢复草稿', '填入常用资料'])
    expect(seen.text).not.toContain(secret);

  // 2. Pressing: at the restore and profile buttons' places, and wherever the page can post.
  const at = async (l: ReturnType<typeof panel.locator>) => {
    const b = (await l.boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  expect(await pressEverything(page, [await at(restore), await at(profileButton)])).toBe(2);
  // A barrier instead of a sleep: a later real keystroke is saved only after the background answered every request
  // the content script sent before it, so a restore or fill the page's press had started would have written by now.
  await page.type('[name="xmxx.ywmc"]', 'x');
  await waitSaved(page);
  await expect(page.inputValue('[name="xmxx.xmmc"]')).resolves.toBe('');
  await expect(page.inputValue('[name="sbdw.dwmc"]')).resolves.toBe('');
  await expect(restore.count()).resolves.toBe(1);

  // The user's own click does act.
  await restore.click();
  await expect.poll(() => page.inputValue('[name="xmxx.xmmc"]')).toBe(sampleAustria.text?.['xmxx.xmmc']);

  // 3. Markers: the page cannot press one (the field it points at would take focus), the user can.
  const message = '执行期为 36 个月，超过原则上限 24 个月';
  const marker = await markerSaying(page, message);
  const centre = { x: marker.box.x + marker.box.width / 2, y: marker.box.y + marker.box.height / 2 };
  const focusedField = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await pressEverything(page, [centre]); // events are dispatched synchronously: a handler would have run by now
  await expect(focusedField()).resolves.not.toMatch(/^xmxx\.zxqx/);
  expect((await reach()).text).not.toContain(message);
  await clickMarker(page, message);
  // The field takes the focus and keeps it; the panel shows the finding without taking the focus away.
  await expect.poll(() => panel.locator('.gc-shown .gc-message').textContent()).toBe(message);
  await expect.poll(focusedField).toMatch(/^xmxx\.zxqx/);

  // 4. A downloaded report is saved from the extension's page: no blob: link in the portal, none it can fetch.
  await panel.getByTestId('gc-menu').waitFor(); // still open from the profile list
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('gc-report').getByText('下载 HTML').click(),
  ]);
  expect(download.url()).toMatch(/^blob:chrome-extension:\/\//);
  const after = await reach();
  expect(after.text).not.toContain('blob:');
  const fetched = await page.evaluate(
    (url) =>
      fetch(url).then(
        (r) => r.text(),
        () => 'refused',
      ),
    download.url(),
  );
  expect(fetched).toBe('refused');

  // 5. Autosave and the panel outlive a page that removes our layer: it comes back, and typing is still saved.
  await page.evaluate(() => document.querySelector('guidecheck-overlay')?.remove());
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('guidecheck-overlay').length)).toBe(1);
  panel = await panelIn(page);
  await panel.locator('.gc-panel').waitFor();
  await page.fill('[name="xmxx.ywmc"]', 'Still saved after removal');
  await waitForDraft(
    env.browser.worker,
    `http://${env.host}|${sbbh}`,
    (f) => f['project.nameEn'] === 'Still saved after removal',
  );
  // and the panel that came back still acts on the user's click
  await panel.getByLabel('收起').click();
  await panel.getByTestId('gc-launcher').waitFor();
  await page.close();
});
