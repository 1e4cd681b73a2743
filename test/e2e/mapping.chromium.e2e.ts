import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumOnReplica, screenshotOnFailure } from './support/chromium';
import { markerOf, panelIn } from './support/panel';

const env = chromiumOnReplica();

const rule = '2019-intl-1/1.7/duration-max-2y';

async function pointAt(page: Page, name: string, path: string) {
  await page.click(`[name="${name}"]`);
  await expect((await panelIn(page)).getByTestId('gc-mapping-picked').textContent()).resolves.toContain(name);
  await (await panelIn(page)).locator('.gc-mapping select').selectOption(path);
  await (await panelIn(page)).locator('.gc-mapping button', { hasText: '保存映射' }).click();
}

test('mapping mode makes the extension right on a form whose labels it does not know, and remembers it', async () => {
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, 'mapping-v2');
  const url = `${env.replica.url}/egrantweb/xmsb/apply-v2.html?sbbh=SQ2019-V2-0001`;
  await page.goto(url);
  // The panel says what it cannot find instead of failing
  const missing = (await panelIn(page)).getByTestId('gc-missing');
  await expect(missing.textContent()).resolves.toContain('此页面与规则包的字段对应不完整');
  await expect(missing.textContent()).resolves.toContain('执行期限（开始）');

  // Mapping mode sits in the 更多 menu, out of the way of applicants who do not need it
  await expect((await panelIn(page)).locator('.gc-mapping-entry').count()).resolves.toBe(0);
  await (await panelIn(page)).getByTestId('gc-menu-toggle').click();
  await (await panelIn(page)).locator('.gc-mapping-entry button').click();
  await pointAt(page, 'kt.sbfx', 'direction');
  await pointAt(page, 'kt.ksrq', 'project.startDate');
  await pointAt(page, 'kt.jsrq', 'project.endDate');
  await expect(missing.textContent()).resolves.not.toContain('执行期限（开始）');

  await page.selectOption('[name="kt.sbfx"]', { label: '1.7 中国和奥地利政府间科技合作项目' });
  await page.fill('[name="kt.ksrq"]', '2020-01-01');
  await page.fill('[name="kt.jsrq"]', '2022-12-31');
  await (await panelIn(page)).locator(`.gc-finding[data-rule="${rule}"] .gc-tag.gc-warning`).waitFor();
  await markerOf(page, rule);

  // The exported patch names the portal's own controls, for an admin to merge into the profile
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (await panelIn(page)).locator('.gc-mapping button', { hasText: '导出字段映射' }).click(),
  ]);
  const patch = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(patch).toMatchObject({
    format: 'guidecheck-field-map-patch',
    profile: 'most-gov-cn',
    form: '/egrantweb/xmsb/apply-v2.html',
  });
  expect(patch.entries.map((e: { path: string; name: string }) => [e.path, e.name])).toEqual([
    ['direction', 'kt.sbfx'],
    ['project.startDate', 'kt.ksrq'],
    ['project.endDate', 'kt.jsrq'],
  ]);

  // A later visit of the same form uses the mapping from the start
  const again = await env.browser.context.newPage();
  await again.goto(url);
  await again.selectOption('[name="kt.sbfx"]', { label: '1.7 中国和奥地利政府间科技合作项目' });
  await again.fill('[name="kt.ksrq"]', '2020-01-01');
  await again.fill('[name="kt.jsrq"]', '2022-12-31');
  await (await panelIn(again)).locator(`.gc-finding[data-rule="${rule}"] .gc-tag.gc-warning`).waitFor();
  await Promise.all([page.close(), again.close()]);
});
