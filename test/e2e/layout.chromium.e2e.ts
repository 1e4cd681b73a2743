import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { APPLY_PATH, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { artifactsDir, chromiumOnReplica, screenshotOnFailure } from './support/chromium';
import { controlsUnder, expectErrorsFirst, internals } from './support/layout';
import { panelIn } from './support/panel';

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
  // Pages built unlike ours (replica/pages/variants*.ts), the direction chosen in the panel, at the two screen sizes
  // an applicant most often has.
  ...['spa', 'widgets', 'shell', 'wording', 'generated', 'tabs'].map((name) => ({
    name,
    path: `/egrantweb/variant/${name}.html?sbbh=SQ2021LAY`,
    fill: false,
  })),
] as const;
type Variant = (typeof variants)[number];

const cases = variants.flatMap((variant, i) =>
  (i < 3 ? sizes : sizes.slice(0, 2)).map(([width, height]) => ({ variant, width, height })),
);

async function open(variant: Variant, size: readonly [number, number], n: number): Promise<Page> {
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, `layout-${variant.name}-${size[0]}x${size[1]}`);
  await page.setViewportSize({ width: size[0], height: size[1] });
  await page.goto(`${env.replica.url}${variant.path}${n}${size[0]}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  // some variants render their form late, and the background's first answer can be slow on a cold browser
  await (await panelIn(page)).locator('.gc-panel').waitFor({ timeout: 15000 });
  await (await panelIn(page))
    .locator('.gc-panel', { hasText: '正在加载规则' })
    .waitFor({ state: 'detached', timeout: 15000 });
  if (variant.fill) await fillReplica(page, sampleAustria);
  else await (await panelIn(page)).locator('.gc-choose select').selectOption('2019-intl-1|1.7');
  await (await panelIn(page)).locator('.gc-finding').first().waitFor();
  return page;
}

/** Visible form controls of the page and its frames whose centre lies within the x-range [left, right). */
const controlsIn = (page: Page, left: number, right: number) => page.evaluate(controlsUnder, [left, right] as const);

describe.each(cases)('the $variant.name replica', ({ variant, width, height }) => {
  test(`at ${width}×${height}: beside the form, errors first, nothing internal`, async () => {
    const page = await open(variant, [width, height], variants.indexOf(variant));
    const panel = (await (await panelIn(page)).locator('.gc-panel').boundingBox())!;
    expect(panel.x + panel.width).toBeGreaterThanOrEqual(width - 1);
    expect(await controlsIn(page, panel.x, panel.x + panel.width)).toEqual([]);
    // The page kept the rest of the width: its widest control row ends before the panel.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // The five counts on one line, 提示 included.
    const tops = await (await panelIn(page))
      .getByTestId('gc-counts')
      .locator('.gc-count')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops).toHaveLength(5);
    expect(new Set(tops).size).toBe(1);

    const verdicts = await (await panelIn(page))
      .locator('.gc-finding')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expectErrorsFirst(verdicts);

    const text = await (await panelIn(page)).locator('.gc-panel').textContent();
    expect(text).not.toMatch(internals);
    // 信息不全 names the fields to fill by the form's labels, each a jump to its field.
    for (const label of await (await panelIn(page)).getByTestId('gc-to-fill').locator('button').allTextContents()) {
      expect(label.trim()).not.toBe('');
      expect(label).not.toMatch(internals);
    }

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${variant.name}-${width}x${height}.png`) });

    // Collapsed: a slim rail with errors and warnings, still beside the form.
    await (await panelIn(page)).getByLabel('收起').click();
    const rail = (await (await panelIn(page)).getByTestId('gc-launcher').boundingBox())!;
    expect(rail.width).toBeLessThanOrEqual(48);
    expect(await controlsIn(page, rail.x, rail.x + rail.width)).toEqual([]);
    if (variant.fill)
      await expect((await panelIn(page)).getByTestId('gc-launcher').getAttribute('aria-label')).resolves.toMatch(
        /错误 \d+，警告 [1-9]/,
      );
    await page.screenshot({ path: join(shots, `${variant.name}-${width}x${height}-collapsed.png`) });
    await (await panelIn(page)).getByTestId('gc-launcher').click();
    await page.close();
  });
});

test('the counts filter, the menu, the report, the options page and the popup speak without internals', async () => {
  const page = await open(variants[0], [1366, 768], 9);
  const errors = (await panelIn(page)).getByTestId('gc-counts').locator('button:not([disabled])').first();
  const verdict = await errors.getAttribute('data-verdict');
  await errors.click();
  const shown = await (await panelIn(page))
    .locator('.gc-findings > .gc-finding')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown)).toEqual(new Set([verdict]));
  await errors.click();

  await (await panelIn(page)).getByTestId('gc-menu-toggle').click();
  await (await panelIn(page)).getByTestId('gc-share').locator('summary').first().click();
  const menu = await (await panelIn(page)).getByTestId('gc-menu').textContent();
  expect(menu).toContain('任何拿到分享码或文件的人都能读到以上内容');
  expect(menu).not.toMatch(internals);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'standard-1366x768-menu.png') });

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    (await panelIn(page)).getByTestId('gc-report').getByText('下载 Markdown').click(),
  ]);
  const { readFileSync } = await import('node:fs');
  const report = readFileSync((await file.path())!, 'utf8');
  expect(report).toContain('错误');
  expect(report).not.toContain('未通过');
  expect(report).not.toMatch(internals);

  // A click on the portal's own 提交 with errors left: a reminder, and the panel opens on them.
  await (await panelIn(page)).getByLabel('收起').click();
  const submit = page
    .locator('button, input[type=submit], input[type=button]')
    .filter({ hasText: /提交|保存/ })
    .first();
  if (await submit.count()) {
    await submit.click();
    const reminder = (await panelIn(page)).getByTestId('gc-reminder');
    await reminder.waitFor();
    // only what is left: the filled form has warnings and no error, and the reminder never says "0 个错误"
    await expect(reminder.textContent()).resolves.toMatch(/还有 \d+ 个警告。/);
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
