import { expect, test } from 'vitest';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { firefoxOnReplica } from './support/firefox';
import { clickInPanelFirefox, panelInFirefox, pointInPanelFirefox, waitSavedInFirefox } from './support/panel';

/** Firefox: the core isolation checks of isolation.chromium.e2e.ts, as a script of the page would try them. */
const env = firefoxOnReplica();

test('Firefox: the page cannot read the panel or press its buttons; the user can', async () => {
  const sbbh = 'SQ2019FFISOLATE';
  const page = await env.browser.newPage();
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}`);
  await page.waitForSelector('body[data-loaded="1"]');
  const panel = await panelInFirefox(page);
  await panel.waitForSelector('.gc-panel', { timeout: 20_000 });
  await page.type('[name="xmxx.xmmc"]', '只由用户恢复');
  await waitSavedInFirefox(page);
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}&expired=1`);
  await page.waitForSelector('body[data-loaded="1"]');
  const frame = await panelInFirefox(page);
  const restore = await frame.waitForSelector('[data-testid="gc-restore"] button', { timeout: 20_000 });
  const panelWords = (await frame.$eval('.gc-panel', (el) => el.textContent)) ?? '';
  expect(panelWords).toContain('恢复草稿');

  // Reading: our layer's root is closed, the panel is not among the page's frames, its words are nowhere.
  const seen = await page.evaluate(() => {
    const host = document.querySelector('guidecheck-overlay');
    let text = document.documentElement.outerHTML;
    let blocked = 0;
    for (let i = 0; i < window.frames.length; i++) {
      try {
        text += window.frames[i]!.document.documentElement.outerHTML;
      } catch {
        blocked++;
      }
    }
    return { host: !!host, shadow: host?.shadowRoot ?? null, text, frames: window.frames.length, blocked };
  });
  expect(seen.host).toBe(true);
  expect(seen.shadow).toBeNull();
  expect(seen.blocked).toBe(0);
  for (const word of ['恢复草稿', 'GuideCheck 自查']) expect(seen.text).not.toContain(word);

  // Pressing: at the restore button's place, with every event a script can make.
  const point = await pointInPanelFirefox(page, restore!);
  const hit = await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y);
    for (const type of ['mousedown', 'mouseup', 'click'])
      target?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
    (target as HTMLElement | null)?.click();
    return target?.localName;
  }, point);
  expect(hit).toBe('guidecheck-overlay'); // the page only ever reaches our host
  // A barrier instead of a sleep: a later real keystroke is saved only after the background answered every request
  // the content script sent before it, so a restore the page's press had started would have written by now.
  await page.type('[name="xmxx.ywmc"]', 'x');
  await waitSavedInFirefox(page);
  expect(await page.$eval('[name="xmxx.xmmc"]', (el) => (el as HTMLInputElement).value)).toBe('');

  // The user's own click does act.
  await clickInPanelFirefox(page, restore!);
  await expect
    .poll(() => page.$eval('[name="xmxx.xmmc"]', (el) => (el as HTMLInputElement).value))
    .toBe('只由用户恢复');
  await page.close();
});
