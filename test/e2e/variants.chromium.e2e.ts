import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumOnReplica, screenshotOnFailure, waitForDraft } from './support/chromium';
import { markerOf, panelIn } from './support/panel';

/**
 * Portal pages built differently from our own replica form (replica/pages/variants.ts): the overlay wakes on them,
 * recognises 1.7, shows the duration and the funding warning with their markers within 1 s of the value changing
 * (through the widgets' own UI), and restores the saved fields after a session timeout so that they survive the
 * page's own re-render.
 */

const env = chromiumOnReplica();
const DIRECTION = '1.7 中国和奥地利政府间科技合作项目';
const DURATION = '2019-intl-1/1.7/duration-max-2y';
const FUNDING = '2019-intl-1/1.7/funding-far-above-average';

/** What the form's visible controls hold, in page order (the SPA's controls have no name to key them by). */
const formValues = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#main input, #main select'))
      .filter((el) => el.type !== 'hidden' && !el.closest('.layui-layer, .wdate-panel'))
      .map((el) => el.value),
  );

async function open(path: string, name: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, name);
  await page.goto(`${env.replica.url}${path}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  // the form renders late on some variants: the overlay must wake once it does
  await (await panelIn(page)).locator('.gc-panel').waitFor({ timeout: 5000 });
  // the background's first answer (rules validated on its start) can take a while on a cold browser
  await (await panelIn(page))
    .locator('.gc-panel', { hasText: '正在加载规则' })
    .waitFor({ state: 'detached', timeout: 15000 });
  return page;
}

const failing = async (page: Page, rule: string) =>
  (await panelIn(page)).locator(`.gc-finding[data-rule="${rule}"].gc-fail`);

/** Both warnings in the panel and their markers beside the given controls, within 1 s of the last change. */
async function expectBothWarnings(page: Page, durationField: string, fundingField: string) {
  await (await failing(page, DURATION)).waitFor({ timeout: 1000 });
  await (await failing(page, FUNDING)).waitFor({ timeout: 1000 });
  for (const [rule, selector] of [
    [DURATION, durationField],
    [FUNDING, fundingField],
  ] as const) {
    const m = (await markerOf(page, rule, 1000)).box;
    const field = (await page.locator(selector).boundingBox())!;
    // beside its field: on the same line, just right of it
    expect(Math.abs(m.y + m.height / 2 - (field.y + field.height / 2))).toBeLessThan(field.height);
    expect(m.x).toBeGreaterThanOrEqual(field.x + field.width - 2);
  }
}

async function restoreAfterTimeout(page: Page, key: string) {
  await waitForDraft(env.browser.worker, key, (f) => f['budget.central'] === '450');
  // the portal's session ended: the same address comes back empty
  await page.reload();
  await page.locator('body[data-loaded="1"]').waitFor();
  await (await panelIn(page)).getByTestId('gc-restore').getByRole('button', { name: '恢复草稿' }).click();
  await (await panelIn(page)).getByTestId('gc-restored').waitFor();
}

const share = (before: string[], after: string[]) => {
  const filled = before.map((v, i) => [v, after[i]] as const).filter(([v]) => v !== '');
  return filled.filter(([v, a]) => v === a).length / filled.length;
};

test('spa: renders after its first XHR, no names or ids, labels above inputs, its own re-render', async () => {
  const sbbh = 'SQ2021VARSPA1';
  const page = await open(`/egrantweb/variant/spa.html?sbbh=${sbbh}`, 'variant-spa');
  const control = (label: string, i = 0) =>
    page.locator('.el-form-item', { hasText: label }).locator('input, select').nth(i);
  await control('项目名称').fill('中奥量子信息科学联合研究');
  await control('项目英文名称').fill('China-Austria Quantum');
  await control('所属指南方向').selectOption({ label: DIRECTION });
  await expect.poll(async () => (await panelIn(page)).locator('.gc-panel h2').textContent()).toContain('1.7');
  await control('项目执行期', 0).fill('2020-01-01');
  await control('单位名称').fill('示例大学');
  await control('统一社会信用代码').fill('12100000400012345X');
  await control('姓名').fill('李明');
  await control('其他来源经费').fill('50');
  await control('中央财政经费').fill('450');
  await control('项目执行期', 1).fill('2022-12-31');
  await expectBothWarnings(
    page,
    '.el-form-item:has-text("项目执行期") input >> nth=1',
    '.el-form-item:has-text("中央财政经费") input',
  );
  const before = await formValues(page);

  await restoreAfterTimeout(page, `http://${env.host}|${sbbh}`);
  await page.locator('.spa-refresh').click(); // the framework renders the form again from its model
  const after = await formValues(page);
  expect(share(before, after)).toBeGreaterThanOrEqual(0.95);
  await (await failing(page, DURATION)).waitFor({ timeout: 1000 });
  await (await failing(page, FUNDING)).waitFor({ timeout: 1000 });
  await page.close();
});

test('widgets: combobox, date pickers writing .value without events, a dialog adding rows, labels a row above', async () => {
  const sbbh = 'SQ2021VARWID1';
  const page = await open(`/egrantweb/variant/widgets.html?sbbh=${sbbh}`, 'variant-widgets');
  await page.fill('[name=xmmc]', '中奥量子信息科学联合研究');
  await page.locator('.combo-arrow').click();
  await page.locator('.combobox-item', { hasText: DIRECTION }).click();
  await expect.poll(async () => (await panelIn(page)).locator('.gc-panel h2').textContent()).toContain('1.7');
  const pickDate = async (name: string, date: string) => {
    await page.locator(`[name=${name}]`).click();
    await page.fill('.wdate-input', date);
    await page.locator('.wdate-ok').click();
  };
  await pickDate('ksrq', '2020-01-01');
  await page.fill('[name=dwmc]', '示例大学');
  await page.fill('[name=tyshxydm]', '12100000400012345X');
  await page.locator('.add-unit').click();
  await page.fill('.layui-layer [name=dwmc]', '某某科技有限公司');
  await page.locator('.layui-layer-btn0').click();
  await page.fill('[name=qtlyjf]', '50');
  await page.fill('[name=zyczjf]', '450');
  await pickDate('jsrq', '2022-12-31');
  await expectBothWarnings(page, '[name=jsrq]', '[name=zyczjf]');
  const before = await formValues(page);

  await restoreAfterTimeout(page, `http://${env.host}|${sbbh}`);
  const after = await formValues(page);
  expect(share(before, after)).toBeGreaterThanOrEqual(0.95);
  // the dialog's 单位名称 never lands in the lead unit's; the combobox took the restored text as its own value
  expect(await page.inputValue('[name=dwmc]')).toBe('示例大学');
  expect(await page.inputValue('.combo-value')).toBe(
    await page.evaluate(
      (text) =>
        Array.from(document.querySelectorAll<HTMLElement>('.combobox-item')).find((i) => i.textContent === text)
          ?.dataset.value,
      DIRECTION,
    ),
  );
  await (await failing(page, DURATION)).waitFor({ timeout: 1000 });
  await (await failing(page, FUNDING)).waitFor({ timeout: 1000 });
  await page.close();
});

test('frame shell: one section per page with its own 保存; the rules and the restore span the sections', async () => {
  const sbbh = 'SQ2021VARSHL1';
  const page = await open(`/egrantweb/variant/shell.html?sbbh=${sbbh}`, 'variant-shell');
  const section = async (key: string) => {
    if (key !== 'basic' || page.frame({ name: 'mainFrame' })?.url().includes('s=basic') === false)
      await page.locator(`.shell-menu[data-section="${key}"]`).click();
    const frame = page.frame({ name: 'mainFrame' })!;
    await expect.poll(() => frame.url()).toContain(`s=${key}`);
    await frame.locator('body[data-loaded="1"]').waitFor();
    return frame;
  };
  let frame = await section('basic');
  await frame.fill('[name=xmmc]', '中奥量子信息科学联合研究');
  await frame.selectOption('[name=znfx]', { label: DIRECTION });
  await expect.poll(async () => (await panelIn(page)).locator('.gc-panel h2').textContent()).toContain('1.7');
  await frame.fill('[name=ksrq]', '2020-01-01');
  await frame.fill('[name=jsrq]', '2022-12-31');
  await (await failing(page, DURATION)).waitFor({ timeout: 1000 });
  await frame.locator('.section-save').click(); // the section saves and reloads itself
  await frame.locator('body[data-loaded="1"]').waitFor();
  frame = await section('unit');
  await frame.fill('[name=dwmc]', '示例大学');
  await frame.fill('[name=tyshxydm]', '12100000400012345X');
  frame = await section('budget');
  await frame.fill('[name=qtlyjf]', '50');
  await frame.fill('[name=zyczjf]', '450');
  // on 经费预算 the rules still know the direction and the dates from 基本信息
  await (await failing(page, FUNDING)).waitFor({ timeout: 1000 });
  await (await failing(page, DURATION)).waitFor({ timeout: 1000 });
  await expect
    .poll(async () => (await panelIn(page)).getByTestId('gc-from-other-pages').allTextContents())
    .toContainEqual(expect.stringContaining('来自「基本信息」页'));
  await markerOf(page, FUNDING, 1000);
  const saved = {
    basic: { xmmc: '中奥量子信息科学联合研究', ksrq: '2020-01-01', jsrq: '2022-12-31' },
    unit: { dwmc: '示例大学', tyshxydm: '12100000400012345X' },
    budget: { zyczjf: '450', qtlyjf: '50' },
  };
  await waitForDraft(env.browser.worker, `http://${env.host}|${sbbh}`, (f) => f['budget.central'] === '450');

  // session timeout: every section comes back empty; the restore continues section by section
  await page.goto(`${env.replica.url}/egrantweb/variant/shell.html?sbbh=${sbbh}&expired=1`);
  frame = await section('basic');
  await (await panelIn(page)).getByTestId('gc-restore').getByRole('button', { name: '恢复草稿' }).click();
  await (await panelIn(page)).getByTestId('gc-restored').waitFor();
  let restored = 0;
  let total = 0;
  for (const key of ['basic', 'unit', 'budget'] as const) {
    frame = await section(key);
    for (const [name, value] of Object.entries(saved[key])) {
      total++;
      await expect
        .poll(() => frame.inputValue(`[name=${name}]`), { timeout: 2000 })
        .toBe(value)
        .then(() => restored++)
        .catch(() => {});
    }
  }
  expect(restored / total).toBeGreaterThanOrEqual(0.95);
  await page.close();
});
