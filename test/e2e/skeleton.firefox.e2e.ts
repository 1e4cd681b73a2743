import { expect, test } from 'vitest';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { firefoxOnReplica } from './support/firefox';
import { markerBesideInFirefox, panelInFirefox } from './support/panel';

const env = firefoxOnReplica();

const rule = '2019-intl-1/1.7/duration-max-2y';

test('Firefox: the overlay appears on the form, not on a notice page, and the duration warning follows typing', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=SQ2019YFE0100101`);
  const panel = await panelInFirefox(page);
  await panel.waitForSelector('.gc-panel', { timeout: 20_000 });

  await page.select(
    '[name="xmxx.znfx"]',
    await page.$eval(
      '[name="xmxx.znfx"]',
      (s) => Array.from((s as HTMLSelectElement).options).find((o) => o.text.startsWith('1.7 '))!.value,
    ),
  );
  await page.type('[name="xmxx.zxqxks"]', '2020-01-01');
  await page.$eval('[name="xmxx.zxqxjs"]', (el) => {
    (el as HTMLInputElement).value = '2022-12-31';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const message = await panel.waitForSelector(`.gc-finding[data-rule="${rule}"] .gc-message`, { timeout: 10_000 });
  expect(await message!.evaluate((el) => el.textContent)).toBe('执行期为 36 个月，超过原则上限 24 个月');
  // The duration's marker sits beside the end date, the date that makes it too long (formPaths).
  await expect.poll(() => markerBesideInFirefox(page, '[name="xmxx.zxqxjs"]')).toBe(true);

  await page.$eval('[name="xmxx.zxqxjs"]', (el) => {
    (el as HTMLInputElement).value = '2021-12-31';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await panel.waitForSelector(`.gc-finding[data-rule="${rule}"] .gc-tag.gc-pass`, { timeout: 10_000 });
  await expect.poll(() => markerBesideInFirefox(page, '[name="xmxx.zxqxjs"]')).toBe(false);

  const notice = await env.browser.newPage();
  await notice.goto(`${env.replica.url}/egrantweb/notice/list.html`);
  await new Promise((r) => setTimeout(r, 800));
  expect(await notice.$('guidecheck-overlay')).toBeNull();
});
