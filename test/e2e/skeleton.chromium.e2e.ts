import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { APPLY_PATH, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { TAB_STATUS_REQUEST } from '@/lib/messages/channels';
import type { TabStatus } from '@/lib/messages/protocol';
import { chromiumOnReplica, screenshotOnFailure, tabIdOf, waitForDraft } from './support/chromium';
import { markerSaying, noMarkerSaying, panelIn } from './support/panel';

/** The extension API inside the service worker, where `worker.evaluate` runs. */
declare const chrome: {
  tabs: {
    sendMessage(tabId: number, message: unknown): Promise<TabStatus | undefined>;
  };
};

const env = chromiumOnReplica();

/** The content script's answer to the popup's status question, once it has run on the page. */
async function waitForTabStatus(tabId: number): Promise<TabStatus> {
  let status: TabStatus | undefined;
  await expect
    .poll(async () => {
      status = await env.browser.worker.evaluate(
        ([id, type]) => chrome.tabs.sendMessage(id, { type }).catch(() => undefined),
        [tabId, TAB_STATUS_REQUEST] as const,
      );
      return status;
    })
    .toBeDefined();
  return status!;
}

async function openForm(sbbh: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  screenshotOnFailure(page, `skeleton-${sbbh}`);
  await page.goto(`${env.replica.url}${APPLY_PATH}?sbbh=${sbbh}`);
  await (await panelIn(page)).locator('.gc-panel').waitFor();
  return page;
}

const durationFinding = async (page: Page) =>
  (await panelIn(page)).locator('.gc-finding[data-rule="2019-intl-1/1.7/duration-max-2y"]');

test('the overlay appears on the replica form and not on an unrelated page of the site', async () => {
  const page = await openForm('SQ2019YFE0100001');
  await expect(page.locator('guidecheck-overlay').count()).resolves.toBe(1);
  const notice = await env.browser.context.newPage();
  await notice.goto(`${env.replica.url}/egrantweb/notice/list.html`);
  // The content script has looked at the page and found no form: only then is "no overlay" a finding.
  await expect(waitForTabStatus((await tabIdOf(env.browser.worker, notice))!)).resolves.toMatchObject({
    recognised: false,
  });
  expect(await notice.locator('guidecheck-overlay').count()).toBe(0);
  await Promise.all([page.close(), notice.close()]);
});

test('the duration warning appears beside the field as the user types and disappears when corrected', async () => {
  const page = await openForm('SQ2019YFE0100002');
  await fillReplica(page, sampleAustria);
  await expect((await panelIn(page)).locator('.gc-direction h2').textContent()).resolves.toContain(
    '中国和奥地利政府间科技合作项目',
  );
  const finding = await durationFinding(page);
  // 原则上不超过2年: a warning, with the values that decided it
  await finding.locator('.gc-tag.gc-warning').waitFor();
  const message = '执行期为 36 个月，超过原则上限 24 个月';
  await expect(finding.locator('.gc-message').textContent()).resolves.toBe(message);
  const { box: badge } = await markerSaying(page, message);
  // the marker sits just right of the end date, the date that makes the period too long (formPaths), in our layer
  const field = await page.locator('[name="xmxx.zxqxjs"]').boundingBox();
  expect(badge.x).toBeGreaterThanOrEqual(field!.x + field!.width);
  expect(badge.x).toBeLessThan(field!.x + field!.width + 20);
  expect(Math.abs(badge.y + badge.height / 2 - (field!.y + field!.height / 2))).toBeLessThan(6);

  await page.fill('[name="xmxx.zxqxjs"]', '2021-12-31');
  await noMarkerSaying(page, message);
  // a passed check folds into 已通过 N 项
  await (await panelIn(page))
    .locator('.gc-finding[data-folded][data-rule="2019-intl-1/1.7/duration-max-2y"] .gc-tag.gc-pass')
    .waitFor({ state: 'attached' });
  await page.close();
});

test('typed values are autosaved in the extension’s IndexedDB; the portal origin gets no database', async () => {
  const page = await openForm('SQ2019YFE0100003');
  await page.fill('[name="xmxx.xmmc"]', '自动保存测试项目');
  const host = env.host;
  const draft = await waitForDraft(
    env.browser.worker,
    `http://${host}|SQ2019YFE0100003`,
    (f) => f['project.nameZh'] === '自动保存测试项目',
  );
  expect(draft).toMatchObject({ applicationId: 'SQ2019YFE0100003', host });
  expect(draft.fields['project.nameZh']).toBe('自动保存测试项目');
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
  await page.close();
});

test('the popup shows the tab’s status: recognised form, direction and findings by severity', async () => {
  const page = await openForm('SQ2019YFE0100004');
  await fillReplica(page, sampleAustria);
  await (await durationFinding(page)).locator('.gc-tag.gc-warning').waitFor();
  const tabId = await tabIdOf(env.browser.worker, page);
  const popup = await env.browser.context.newPage();
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('popup-state').textContent()).resolves.toContain('已识别申报书页面');
  await expect(popup.getByTestId('popup-direction').textContent()).resolves.toContain(
    '1.7 中国和奥地利政府间科技合作项目',
  );
  await expect(popup.getByTestId('popup-counts').textContent()).resolves.toMatch(/警告 [1-9]/);

  const notice = await env.browser.context.newPage();
  await notice.goto(`${env.replica.url}/egrantweb/notice/list.html`);
  const noticeTab = await tabIdOf(env.browser.worker, notice);
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${noticeTab}`);
  await expect(popup.getByTestId('popup-state').textContent()).resolves.toContain(
    '不是国家科技管理信息系统的申报书页面',
  );
  await Promise.all([page.close(), popup.close(), notice.close()]);
});
