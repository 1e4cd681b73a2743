import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { APPLY_PATH, budgetFrame, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { chromiumOnReplica, screenshotOnFailure } from './support/chromium';
import { panelIn } from './support/panel';

const env = chromiumOnReplica();

async function openFilled(sbbh: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, `overlay-${sbbh}`);
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  await (await panelIn(page)).locator('.gc-panel').waitFor();
  await fillReplica(page, sampleAustria);
  return page;
}

/** The counts row as numbers by verdict. */
const counts = (panel: Frame) =>
  panel
    .getByTestId('gc-counts')
    .locator('button[data-verdict]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-verdict'), Number(e.querySelector('b')?.textContent)])),
    );

const finding = (panel: Frame, rule: string) => panel.locator(`.gc-finding[data-rule="2019-intl-1/1.7/${rule}"]`);

test('clicking a finding scrolls to and focuses its field, also inside the budget iframe', async () => {
  const page = await openFilled('SQ2019OVL0001');
  const panel = await panelIn(page);
  await finding(panel, 'funding-far-above-average').locator('.gc-finding-title').click();
  const frame = await budgetFrame(page);
  await expect
    .poll(() => frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), { timeout: 10_000 })
    .toBe('jfys.zyczjf');
  await finding(panel, 'duration-max-2y').locator('.gc-finding-title').click();
  await expect
    .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), { timeout: 10_000 })
    .toBe('xmxx.zxqxjs');
  await page.close();
});

test('confirmations, acknowledgements and the self-check report; notes stay text', async () => {
  const page = await openFilled('SQ2019OVL0002');
  let panel = await panelIn(page);
  const xss = '<img src=x onerror=alert(1)> 奥方已提交';
  const both = finding(panel, 'both-sides-apply');
  await both.locator('.gc-actions input[type=checkbox]').check();
  await both.locator('.gc-tag.gc-pass').waitFor();
  // the note sits in the item's fold and is kept when the field is left
  await both.locator('.gc-more > summary').click();
  const note = both.getByLabel('备注（可选）');
  await note.fill(xss);
  await note.blur();
  await finding(panel, 'ip-agreement').locator('.gc-actions input[type=checkbox]').check();
  const funding = finding(panel, 'funding-far-above-average');
  await funding.getByRole('button', { name: '说明理由' }).click();
  await funding.getByLabel('理由').fill('含外方设备购置，已与专业机构沟通');
  await funding.locator('button[type=submit]').click();
  await expect(funding.locator('.gc-actions').textContent()).resolves.toContain('已说明理由：含外方设备购置');
  await expect(counts(panel)).resolves.toMatchObject({ error: 0, warning: 1, confirm: 1 });
  // the note is shown as typed, never as markup
  await expect(note.inputValue()).resolves.toBe(xss);
  expect(await panel.locator('img').count()).toBe(0);

  await panel.getByTestId('gc-menu-toggle').click();
  const download = async (label: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('gc-report').getByText(label).click(),
    ]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  };
  const html = await download('下载 HTML');
  expect(html.name).toMatch(/^形式审查自查表-1\.7-SQ2019OVL0002-\d{8}\.html$/);
  expect(html.text).toContain('执行期为 36 个月，超过原则上限 24 个月');
  expect(html.text).toContain('含外方设备购置，已与专业机构沟通');
  expect(html.text).toContain('&lt;img src=x onerror=alert(1)&gt; 奥方已提交');
  expect(html.text).not.toContain('<img src=x');
  expect(html.text).toContain('@media print');
  // The lead unit and the PI come from the application, which the panel asks the page side for only now.
  expect(html.text).toContain('<dd>示例大学</dd>');
  expect(html.text).toContain('<dd>李明</dd>');
  const md = await download('下载 Markdown');
  expect(md.name.endsWith('.md')).toBe(true);
  expect(md.text).toContain('执行期为 36 个月，超过原则上限 24 个月');
  expect(md.text).toContain('项目执行期原则上不超过2年');

  // what was ticked is kept with the draft: a reload shows it again
  await page.reload();
  await page.locator('body[data-loaded="1"]').waitFor();
  panel = await panelIn(page);
  await fillReplica(page, sampleAustria);
  await finding(panel, 'both-sides-apply').locator('.gc-tag.gc-pass').waitFor();
  await expect(finding(panel, 'funding-far-above-average').locator('.gc-actions').textContent()).resolves.toContain(
    '已说明理由',
  );
  await page.close();
});

test('the panel switches to English, moves to the other side and collapses to a launcher', async () => {
  const page = await openFilled('SQ2019OVL0003');
  const panel = await panelIn(page);
  const panelX = async () => (await panel.locator('.gc-panel').boundingBox())!.x;
  expect(await panelX()).toBeGreaterThan(900);
  await panel.locator('.gc-header-actions button[aria-label="移到另一侧"]').click();
  await expect.poll(panelX).toBeLessThan(50);
  await panel.locator('.gc-header-actions button', { hasText: 'English' }).click();
  await expect(panel.locator('.gc-panel h2').textContent()).resolves.toContain('1.7');
  const english = (await panel.getByTestId('gc-counts').textContent()) ?? '';
  expect(english).toMatch(/Error \d+\s*Warning \d+/);
  expect(english).not.toMatch(/[\u4e00-\u9fff]/);
  await panel.locator('.gc-header-actions button[aria-label="Collapse"]').click();
  await panel.locator('.gc-launcher').waitFor();
  expect(await panel.locator('.gc-panel').count()).toBe(0);
  await page.close();
});
