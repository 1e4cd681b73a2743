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
  // The content script runs at document_end, before the load goto waited for: it has looked and found no form.
  expect(await notice.$('guidecheck-overlay')).toBeNull();
  // And it is alive and watching, not broken: a form arriving on this page wakes it.
  await notice.evaluate(async (url) => {
    const form = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
    document.body.append(...form.body.children);
  }, `${env.replica.url}${APPLY_PATH}?sbbh=SQ2019YFE0100102`);
  await (await panelInFirefox(notice, 15_000)).waitForSelector('.gc-panel', { timeout: 15_000 });
});
