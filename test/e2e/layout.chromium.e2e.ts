import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { APPLY_PATH, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { artifactsDir, chromiumOnReplica, screenshotOnFailure } from './support/chromium';

/**
 * The panel an applicant in a hurry needs, looked at as they would: at three screen sizes on every replica variant,
 * the panel sits beside the form (no control's centre under it, open or collapsed), a failing application shows its
 * errors before anything passed, and no Chinese text in the panel, report, options or popup shows an internal value.
 * Screenshots go to test-results/layout/ (git-ignored) for a person to look at.
 */
const env = chromiumOnReplica();
const shots = join(artifactsDir, 'layout');

const sizes = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
] as const;

const variants = [
  { name: 'standard', path: `${APPLY_PATH}?sbbh=SQ2019LAY`, fill: true },
  { name: 'react', path: '/egrantweb/xmsb/apply-react.html?sbbh=SQ2019LAY', fill: false },
  { name: 'v2', path: '/egrantweb/xmsb/apply-v2.html?sbbh=SQ2020LAY', fill: false },
] as const;

/**
 * What an applicant must never read in Chinese UI text: enum values, dotted model paths, rule ids, the portal's
 * option codes (国家/地区 GJ004).
 */
const internals =
  /\b(enterprise|university|institute)\b|\b(project|leadUnit|participants|pi|foreignPartners|budget|attachments|units)\.\w|\d{4}-[a-z]+-\d+\/|\bGJ\d{3}\b/;

async function open(variant: (typeof variants)[number], size: readonly [number, number], n: number): Promise<Page> {
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, `layout-${variant.name}-${size[0]}x${size[1]}`);
  await page.setViewportSize({ width: size[0], height: size[1] });
  await page.goto(`${env.replica.url}${variant.path}${n}${size[0]}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  await page.locator('.gc-panel').waitFor();
  if (variant.fill) await fillReplica(page, sampleAustria);
  else await page.locator('.gc-choose select').selectOption('2019-intl-1|1.7');
  await page.locator('.gc-finding').first().waitFor();
  return page;
}

/** Visible form controls (the page's and the budget iframe's) whose centre lies within the x-range [left, right). */
async function controlsUnder(page: Page, left: number, right: number): Promise<string[]> {
  const under: string[] = [];
  for (const frame of page.frames()) {
    const offset = frame === page.mainFrame() ? 0 : ((await (await frame.frameElement()).boundingBox())?.x ?? 0);
    const found = await frame.evaluate(
      ([l, r, dx]) =>
        [...document.querySelectorAll('input, select, textarea, button')]
          .filter((c) => !(c as HTMLElement).closest('guidecheck-overlay'))
          .map((c) => ({ c, box: c.getBoundingClientRect() }))
          .filter(({ c, box }) => box.width > 0 && box.height > 0 && getComputedStyle(c).visibility !== 'hidden')
          .filter(({ box }) => {
            const x = dx + box.left + box.width / 2;
            return x >= l && x < r;
          })
          .map(({ c }) => (c as HTMLInputElement).name || c.id || c.textContent?.trim() || c.tagName),
      [left, right, offset] as const,
    );
    under.push(...found);
  }
  return under;
}

describe.each(variants)('the $name replica', (variant) => {
  test.each(sizes)('at %i×%i: beside the form, errors first, nothing internal', async (width, height) => {
    const page = await open(variant, [width, height], variants.indexOf(variant));
    const panel = (await page.locator('.gc-panel').boundingBox())!;
    expect(panel.x + panel.width).toBeGreaterThanOrEqual(width - 1);
    expect(await controlsUnder(page, panel.x, panel.x + panel.width)).toEqual([]);
    // The page kept the rest of the width: its widest control row ends before the panel.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    const verdicts = await page
      .locator('.gc-finding')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    const firstPassed = verdicts.indexOf('pass');
    if (firstPassed >= 0)
      for (const v of ['error', 'warning', 'unknown']) expect(verdicts.lastIndexOf(v)).toBeLessThan(firstPassed);
    // The most severe verdict present leads the list.
    const order = ['error', 'warning', 'unknown', 'confirm', 'info', 'pass'];
    expect(verdicts[0]).toBe(order.find((v) => verdicts.includes(v)));

    const text = await page.locator('.gc-panel').textContent();
    expect(text).not.toMatch(internals);
    // 信息不全 names the fields to fill by the form's labels, each a jump to its field.
    for (const label of await page.getByTestId('gc-to-fill').locator('button').allTextContents()) {
      expect(label.trim()).not.toBe('');
      expect(label).not.toMatch(internals);
    }

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${variant.name}-${width}x${height}.png`) });

    // Collapsed: a slim rail with errors and warnings, still beside the form.
    await page.getByLabel('收起').click();
    const rail = (await page.getByTestId('gc-launcher').boundingBox())!;
    expect(rail.width).toBeLessThanOrEqual(48);
    expect(await controlsUnder(page, rail.x, rail.x + rail.width)).toEqual([]);
    if (variant.fill)
      await expect(page.getByTestId('gc-launcher').getAttribute('aria-label')).resolves.toMatch(/错误 \d+，警告 [1-9]/);
    await page.screenshot({ path: join(shots, `${variant.name}-${width}x${height}-collapsed.png`) });
    await page.getByTestId('gc-launcher').click();
    await page.close();
  });
});

test('the counts filter, the menu, the report, the options page and the popup speak without internals', async () => {
  const page = await open(variants[0], [1366, 768], 9);
  const errors = page.getByTestId('gc-counts').locator('button:not([disabled])').first();
  const verdict = await errors.getAttribute('data-verdict');
  await errors.click();
  const shown = await page
    .locator('.gc-findings > .gc-finding')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown)).toEqual(new Set([verdict]));
  await errors.click();

  await page.getByTestId('gc-menu-toggle').click();
  await page.getByTestId('gc-share').locator('summary').first().click();
  const menu = await page.getByTestId('gc-menu').textContent();
  expect(menu).toContain('任何拿到分享码或文件的人都能读到以上内容');
  expect(menu).not.toMatch(internals);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'standard-1366x768-menu.png') });

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('gc-report').getByText('下载 Markdown').click(),
  ]);
  const { readFileSync } = await import('node:fs');
  const report = readFileSync((await file.path())!, 'utf8');
  expect(report).toContain('错误');
  expect(report).not.toContain('未通过');
  expect(report).not.toMatch(internals);

  // A click on the portal's own 提交 with errors left: a reminder, and the panel opens on them.
  await page.getByLabel('收起').click();
  const submit = page
    .locator('button, input[type=submit], input[type=button]')
    .filter({ hasText: /提交|保存/ })
    .first();
  if (await submit.count()) {
    await submit.click();
    await page.getByTestId('gc-reminder').waitFor();
    await page.screenshot({ path: join(shots, 'standard-1366x768-reminder.png') });
  }

  await page.bringToFront();
  const tabId = await env.browser.worker.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: typeof browser }).chrome.tabs.query({ active: true }))[0]?.id,
  );
  const popup = await env.browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 320 });
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('popup-counts').waitFor();
  const popupText = await popup.locator('body').textContent();
  expect(popupText).toContain('打开检查面板');
  expect(popupText).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/); // one language at a time, no English beside
  expect(popupText).not.toMatch(internals);
  await popup.screenshot({ path: join(shots, 'popup.png') });

  const options = await env.browser.context.newPage();
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await options.getByTestId('drafts-search').waitFor();
  // The draft the filled page above saved: its selects by their option's text (单位性质 高等院校, not the code 2;
  // 国家/地区 奥地利, not GJ005), its checklist and its history.
  await options.getByTestId('drafts-search').fill('SQ2019LAY91366');
  await options.getByRole('button', { name: '打开' }).first().click();
  const detail = options.getByTestId('draft-detail');
  await expect.poll(() => detail.locator('tr[data-field="leadUnit.type"] .gc-value').textContent()).toBe('高等院校');
  await expect(detail.locator('tr[data-field="foreignPartners.0.country"] .gc-value').textContent()).resolves.toBe(
    '奥地利',
  );
  const optionsText = await options.locator('body').textContent();
  expect(optionsText).not.toMatch(internals);
  expect(optionsText).not.toContain('Drafts');
  await options.screenshot({ path: join(shots, 'options.png'), fullPage: true });
  await options.getByTestId('options-lang').click();
  await expect(options.locator('h1').textContent()).resolves.toContain('GuideCheck guideline self-check');
  await Promise.all([page.close(), popup.close(), options.close()]);
});
