import { expect, test } from 'vitest';
import { APPLY_PATH, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { chromiumOnReplica, screenshotOnFailure, tabIdOf, waitForDraft } from './support/chromium';
import { fallbackPanelIn, markerSaying, panelIn, waitForFallbackPanel } from './support/panel';

/**
 * Where the browser refuses the panel's frame. The test build runs the content script on frame-refused.localhost but
 * leaves that host out of web_accessible_resources, so Chromium will not load panel.html in a frame there. The
 * overlay must notice, show the reduced panel in its closed layer, and say so; the popup must say so too.
 */
const env = chromiumOnReplica();

test('the frame refused: a reduced panel in the closed layer lists the findings and its mode; the page can neither read nor press it; the popup says so', async () => {
  const port = new URL(env.replica.url).port;
  const host = `frame-refused.localhost:${port}`;
  const sbbh = 'SQ2019FALLBACK1';
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, 'fallback-refused');
  await page.goto(`http://${host}${APPLY_PATH}?sbbh=${sbbh}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  await fillReplica(page, sampleAustria);

  const panel = await waitForFallbackPanel(page, '执行期原则上不超过2年');
  await waitForFallbackPanel(page, '中央财政经费不远高于平均每项经费');
  expect(panel.text).toContain('面板模式：页面内受限面板（扩展框架被阻止）');
  expect(panel.text).toContain('Panel mode: reduced panel in the page');
  expect(panel.text).toContain('1.7 中国和奥地利政府间科技合作项目');
  expect(panel.text).toMatch(/警告 · 执行期原则上不超过2年：/);
  expect(panel.expanded).toBe(true);
  // Nothing the user keeps is offered in the page: no fill, restore, notes or import, only the collapse button.
  expect(panel.controls).toBe(1);
  // The frame (the browser's error page) gives way to the reduced panel; the markers and autosave work as before.
  expect(page.frames().some((f) => /^chrome-extension:\/\/[^/]+\/panel\.html/.test(f.url()))).toBe(false);
  await markerSaying(page, '执行期');
  await waitForDraft(env.browser.worker, `http://${host}|${sbbh}`, (f) => f['budget.central'] !== undefined);

  // The page's own script: it reads what it can reach and presses where the panel's button is drawn.
  const { x, y, width, height } = panel.button.box;
  const centre = { x: x + width / 2, y: y + height / 2 };
  const reached = await page.evaluate(({ x, y }) => {
    const seen = (root: Document | ShadowRoot): string =>
      [...root.querySelectorAll('*')]
        .map(
          (el) =>
            `${el.getAttributeNames().map((a) => el.getAttribute(a))} ${el.shadowRoot ? seen(el.shadowRoot) : ''}`,
        )
        .join(' ') + (root instanceof Document ? root.body : root).textContent;
    const target = document.elementFromPoint(x, y);
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
      target?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
    (target as HTMLElement | null)?.click();
    return { text: seen(document), target: target?.localName, shadowRoot: target?.shadowRoot ?? null };
  }, centre);
  expect(reached.target).toBe('guidecheck-overlay');
  expect(reached.shadowRoot).toBeNull();
  expect(reached.text).not.toContain('执行期原则上不超过2年');
  expect(reached.text).not.toContain('面板模式');
  // The forged presses did nothing: the panel is still open. A real click (the user's) folds it.
  expect((await fallbackPanelIn(page))?.expanded).toBe(true);
  await page.mouse.click(centre.x, centre.y);
  await expect.poll(async () => (await fallbackPanelIn(page))?.expanded, { timeout: 10_000 }).toBe(false);
  // Folded to the rail, the button has moved: pressed where it is now, it opens the panel again.
  const rail = (await fallbackPanelIn(page))!.button.box;
  await page.mouse.click(rail.x + rail.width / 2, rail.y + rail.height / 2);
  await expect.poll(async () => (await fallbackPanelIn(page))?.expanded, { timeout: 10_000 }).toBe(true);

  const popup = await env.browser.context.newPage();
  await popup.goto(
    `chrome-extension://${env.browser.extensionId}/popup.html?tab=${await tabIdOf(env.browser.worker, page)}`,
  );
  await expect.poll(() => popup.getByTestId('popup-panel').getAttribute('data-mode')).toBe('fallback');
  await expect(popup.getByTestId('popup-panel').textContent()).resolves.toContain('扩展框架被阻止');
  await Promise.all([page.close(), popup.close()]);
});

test('on a host that may frame the panel, the frame answers and the popup says so; a page covering it is reported', async () => {
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, 'fallback-framed');
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=SQ2019FALLBACK2`);
  await page.locator('body[data-loaded="1"]').waitFor();
  await (await panelIn(page)).locator('.gc-panel').waitFor();
  const popup = await env.browser.context.newPage();
  const popupUrl = `chrome-extension://${env.browser.extensionId}/popup.html?tab=${await tabIdOf(env.browser.worker, page)}`;
  await popup.goto(popupUrl);
  await expect.poll(() => popup.getByTestId('popup-panel').getAttribute('data-mode')).toBe('frame');
  expect(await fallbackPanelIn(page)).toBeUndefined();

  // The page's covers, in the page's viewport, over parts of the panel's frame (fractions of its box).
  const box = (await (await (await panelIn(page)).frameElement()).boundingBox())!;
  const coverParts = (parts: [number, number, number, number][]) =>
    page.evaluate(
      ({ box, parts }) => {
        for (const old of document.querySelectorAll('[data-test-cover]')) old.remove();
        for (const [x0, y0, x1, y1] of parts) {
          const cover = document.createElement('div');
          cover.dataset.testCover = '';
          cover.style.cssText = `position:fixed;z-index:2147483647;background:#fff;left:${box.x + x0 * box.width}px;top:${
            box.y + y0 * box.height
          }px;width:${(x1 - x0) * box.width}px;height:${(y1 - y0) * box.height}px`;
          document.body.append(cover);
        }
      },
      { box, parts },
    );
  const modeNow = async () => {
    await popup.goto(popupUrl);
    await expect.poll(() => popup.getByTestId('popup-panel').getAttribute('data-mode')).not.toBeNull();
    return popup.getByTestId('popup-panel').getAttribute('data-mode');
  };
  // A small box over the panel's middle leaves most of it in view: not blocked.
  await coverParts([[0.35, 0.45, 0.65, 0.55]]);
  expect(await modeNow()).toBe('frame');
  // Everything but a hole where the panel's centre is: blocked.
  await coverParts([
    [0, 0, 1, 0.45],
    [0, 0.55, 1, 1],
    [0, 0, 0.35, 1],
    [0.65, 0, 1, 1],
  ]);
  expect(await modeNow()).toBe('blocked');
  await coverParts([]);
  expect(await modeNow()).toBe('frame');

  // The page lays its own element over the panel: the popup says the panel is blocked.
  await page.evaluate(() => {
    const cover = document.createElement('div');
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
    document.body.append(cover);
  });
  await popup.goto(popupUrl);
  await expect.poll(() => popup.getByTestId('popup-panel').getAttribute('data-mode')).toBe('blocked');
  await expect(popup.getByTestId('popup-panel').textContent()).resolves.toContain('遮挡或移除');
  await Promise.all([page.close(), popup.close()]);
});
