import { expect, test } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { APPLY_PATH, sampleAustria } from '@/scripts/support/replicaForm';
import type { Step } from './support/application';
import { firefoxOnReplica } from './support/firefox';
import { puppeteerDriver } from './support/puppeteerDriver';
import { clickInPanelFirefox, panelInFirefox, waitInPanelFirefox, waitSavedInFirefox } from './support/panel';

const env = firefoxOnReplica();

async function open(path: string): Promise<Page> {
  const page = await env.browser.newPage();
  await page.goto(`${env.replica.url}${path}`);
  await page.waitForSelector('body[data-loaded="1"]');
  await (await panelInFirefox(page)).waitForSelector('.gc-panel', { timeout: 20_000 });
  return page;
}

/** A button of our panel (in its extension frame) by its text. */
async function panelButton(page: Page, scope: string, text: string): Promise<ElementHandle<Element>> {
  for (const b of await (await panelInFirefox(page)).$$(`${scope} button`))
    if ((await b.evaluate((el) => el.textContent ?? '')).includes(text)) return b;
  throw new Error(`no button “${text}” in ${scope}`);
}

const sampleSteps = (): Step[] => [
  ...Object.entries(sampleAustria.select ?? {}).map(([name, label]): Step => ({ do: 'select', name, label })),
  ...Object.entries(sampleAustria.text ?? {}).map(([name, value]): Step => ({ do: 'fill', name, value })),
  ...Object.entries(sampleAustria.budget ?? {}).map(
    ([name, value]): Step => ({ do: 'fill', name, value, frame: 'budget' }),
  ),
];

test('Firefox: clicking a finding focuses its field inside the budget iframe', async () => {
  const page = await open(`${APPLY_PATH}?sbbh=SQ2019FFCLICK1`);
  const driver = puppeteerDriver(page);
  for (const step of sampleSteps()) await driver.run(step);
  await clickInPanelFirefox(
    page,
    '.gc-finding[data-rule="2019-intl-1/1.7/funding-far-above-average"] .gc-finding-title',
  );
  const frame = page.frames().find((f) => f.url().includes('/frame/jfys'))!;
  await expect
    .poll(() => frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
    .toBe('jfys.zyczjf');
  await page.close();
});

test('Firefox: mapping mode on a form with unknown labels', async () => {
  const page = await open('/egrantweb/xmsb/apply-v2.html?sbbh=SQ2019FFV2');
  await (await panelInFirefox(page)).waitForSelector('[data-testid="gc-missing"]');
  // Mapping mode sits in the 更多 menu
  expect(await (await panelInFirefox(page)).$('.gc-mapping-entry')).toBeNull();
  await clickInPanelFirefox(page, '[data-testid="gc-menu-toggle"]');
  await clickInPanelFirefox(page, await panelButton(page, '.gc-mapping-entry', '映射模式'));
  for (const [name, path] of [
    ['kt.sbfx', 'direction'],
    ['kt.ksrq', 'project.startDate'],
    ['kt.jsrq', 'project.endDate'],
  ] as const) {
    // a real (trusted) click: the page's own scripts cannot pick fields
    await (await page.$(`[name="${name}"]`))!.click();
    await waitInPanelFirefox(
      page,
      (n) => document.querySelector('[data-testid="gc-mapping-picked"]')?.textContent?.includes(n),
      name,
    );
    const select = (await (await panelInFirefox(page)).$('.gc-mapping select')) as ElementHandle<HTMLSelectElement>;
    await select.select(path);
    await clickInPanelFirefox(page, await panelButton(page, '.gc-mapping', '保存映射'));
  }
  const driver = puppeteerDriver(page);
  await driver.run({ do: 'select', name: 'kt.sbfx', label: '1.7 中国和奥地利政府间科技合作项目' });
  await driver.run({ do: 'fill', name: 'kt.ksrq', value: '2020-01-01' });
  await driver.run({ do: 'fill', name: 'kt.jsrq', value: '2022-12-31' });
  await (await panelInFirefox(page)).waitForSelector(
    '.gc-finding[data-rule="2019-intl-1/1.7/duration-max-2y"] .gc-tag.gc-warning',
    {
      timeout: 10_000,
    },
  );
  await page.close();
});

test('Firefox: autosaved values survive a portal timeout and are restored into the empty form', async () => {
  const sbbh = 'SQ2019FFTIMEOUT';
  const page = await open(`${APPLY_PATH}?sbbh=${sbbh}`);
  const driver = puppeteerDriver(page);
  for (const step of sampleSteps()) await driver.run(step);
  // "Saved" counts only the changes read so far: first see the budget frame's 450 read (its funding warning), then
  // wait for the save, so the timeout does not come before the frame's value was ever posted.
  await (await panelInFirefox(page)).waitForSelector(
    '.gc-finding[data-rule="2019-intl-1/1.7/funding-far-above-average"] .gc-tag.gc-warning',
    { timeout: 10_000 },
  );
  await waitSavedInFirefox(page);
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}&expired=1`);
  await page.waitForSelector('body[data-loaded="1"]');
  await clickInPanelFirefox(page, '[data-testid="gc-restore"] button');
  await (await panelInFirefox(page)).waitForSelector('[data-testid="gc-restored"]');
  expect(await page.$eval('[name="xmxx.xmmc"]', (el) => (el as HTMLInputElement).value)).toBe(
    sampleAustria.text!['xmxx.xmmc'],
  );
  expect(await page.$eval('[name="xmxx.zxqxjs"]', (el) => (el as HTMLInputElement).value)).toBe('2022-12-31');
  // The budget frame may load after the click: its fields are restored as it appears (read again until then).
  const budget = async () => {
    const frame = page.frames().find((f) => f.url().includes('/frame/jfys'));
    return frame?.$eval('[name="jfys.zyczjf"]', (el) => (el as HTMLInputElement).value).catch(() => '');
  };
  await expect
    .poll(budget, {
      timeout: 10_000,
      // On failure, what the panel reported: a field filled, not taken, waiting for its page, or never in the draft.
      message: `the budget frame's 中央财政经费; the panel said: ${await (await panelInFirefox(page))
        .$eval('[data-testid="gc-restored"]', (el) => el.textContent)
        .catch(() => '(no report)')}`,
    })
    .toBe('450');
  await page.close();
});
