import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { type ChromiumWithExtension, launchChromium } from '@/scripts/support/browsers';
import { screenshotOnFailure } from './support/chromium';

/**
 * The options page in real Chromium with the built extension (npm run build:test). Drafts are seeded the way a user
 * brings them: by importing an export file through the page's file input. The tests run in order, on one page.
 */

const A = 'https://service.most.gov.cn|SQ2019YFE0100001';
const B = 'https://service.most.gov.cn|SQ2019YFE0100002';
const checklist = {
  confirmations: { '2019-intl-1/1.4/both-sides-apply': { by: '王五', at: '2024-03-01T08:00:00.000Z' } },
  documents: {},
  acknowledgements: {},
  owners: {},
};

function draft(key: string, title: string, revision: number, updatedAt: string, fields: Record<string, string>) {
  const applicationId = key.split('|')[1]!;
  return {
    key,
    host: 'service.most.gov.cn',
    applicationId,
    title,
    guideline: '2019-intl-1',
    direction: '1.4',
    fields,
    checklist,
    revision,
    createdAt: '2024-03-01T00:00:00.000Z',
    updatedAt,
  };
}

const draftA = draft(A, '中瑞储能材料合作研究', 3, '2024-03-02T08:00:00.000Z', {
  'project.nameZh': '中瑞储能材料合作研究',
  'pi.name': '张三',
  'leadUnit.name': '清华大学',
  'project.duration': '24',
});
/** An older state of A: importing it keeps it as a revision (the local draft is newer). */
const olderA = draft(A, '中瑞储能合作（初稿）', 2, '2024-03-01T08:00:00.000Z', {
  'project.nameZh': '中瑞储能合作（初稿）',
  'pi.name': '张三',
  'leadUnit.name': '清华大学',
  'project.duration': '36',
});
const draftB = draft(B, '港澳智能制造联合研究', 1, '2024-03-01T09:00:00.000Z', {
  'project.nameZh': '港澳智能制造联合研究',
  'pi.name': '张三',
  'leadUnit.name': '香港大学',
});

const exportFile = (drafts: unknown[]) => ({
  name: 'drafts.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({ format: 'guidecheck-drafts', version: 1, exportedAt: '2024-03-03T00:00:00.000Z', drafts }),
  ),
});

let browser: ChromiumWithExtension;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await openOptions(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function openOptions(b: ChromiumWithExtension): Promise<Page> {
  const p = await b.context.newPage();
  await p.goto(`chrome-extension://${b.extensionId}/options.html`);
  await p.locator('[data-testid="drafts-manager"]').waitFor();
  return p;
}

const rows = (p: Page) => p.locator('[data-testid="drafts-table"] tbody tr');
const row = (key: string) => page.locator(`[data-testid="drafts-table"] tr[data-key="${key}"]`);
const importFile = (
  p: Page,
  file: ReturnType<typeof exportFile> | { name: string; mimeType: string; buffer: Buffer },
) => p.locator('[data-testid="import-file"]').setInputFiles(file);
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (rendered text), not a DOM property
const text = (l: Locator) => l.innerText();

test('importing a file with two drafts lists them, with the 限项 hint for the shared PI', async () => {
  screenshotOnFailure(page, 'options-import');
  await importFile(page, exportFile([draftA, draftB]));
  await expect(text(page.locator('[data-testid="import-summary"]'))).resolves.toContain('新增 2');
  await expect.poll(() => rows(page).count()).toBe(2);
  await expect(text(row(A))).resolves.toContain('中瑞储能材料合作研究');
  await expect(text(row(A))).resolves.toContain('SQ2019YFE0100001');
  const hints = page.locator('[data-testid="duplicate-hints"]');
  await expect(text(hints)).resolves.toContain('同一项目负责人/申报单位出现在多个草稿中');
  await expect(text(hints.locator('li[data-kind="principalInvestigator"]'))).resolves.toContain('张三');
});

test('search narrows the list and clearing it brings all back', async () => {
  screenshotOnFailure(page, 'options-search');
  await page.fill('[data-testid="drafts-search"]', '港澳');
  await expect.poll(() => rows(page).count()).toBe(1);
  await expect(rows(page).first().getAttribute('data-key')).resolves.toBe(B);
  await page.fill('[data-testid="drafts-search"]', '不存在的项目');
  await page.locator('[data-testid="drafts-empty"]').waitFor();
  await page.fill('[data-testid="drafts-search"]', '');
  await expect.poll(() => rows(page).count()).toBe(2);
});

test('rename inline; another open options page hears of it without a reload', async () => {
  screenshotOnFailure(page, 'options-rename');
  const other = await openOptions(browser);
  const otherTitle = other.locator(`[data-testid="drafts-table"] tr[data-key="${A}"] [data-testid="draft-title"]`);
  await expect.poll(() => text(otherTitle)).toBe('中瑞储能材料合作研究');
  await row(A).locator('[data-action="rename"]').click();
  await row(A).locator('[data-testid="rename-input"]').fill('中瑞储能（改名）');
  await row(A).locator('[data-testid="rename-input"]').press('Enter');
  await expect.poll(() => text(row(A).locator('[data-testid="draft-title"]'))).toBe('中瑞储能（改名）');
  await expect.poll(() => text(otherTitle)).toBe('中瑞储能（改名）');
  await other.close();
});

test('delete, then undo brings the draft back', async () => {
  screenshotOnFailure(page, 'options-delete');
  await row(B).locator('[data-action="delete"]').click();
  await expect(text(page.locator('[data-testid="undo-banner"]'))).resolves.toContain('已删除“港澳智能制造联合研究”');
  await expect.poll(() => rows(page).count()).toBe(1);
  await page.locator('[data-testid="undo-banner"] [data-action="undo"]').click();
  await expect.poll(() => rows(page).count()).toBe(2);
  await expect(page.locator('[data-testid="undo-banner"]').count()).resolves.toBe(0);
});

test('an older version imported becomes a revision: diff two revisions, then restore one', async () => {
  screenshotOnFailure(page, 'options-history');
  await importFile(page, exportFile([olderA]));
  await expect(text(page.locator('[data-testid="import-summary"]'))).resolves.toContain('本地较新保留 1');
  await row(A).locator('[data-action="open"]').click();
  const detail = page.locator('[data-testid="draft-detail"]');
  await expect(text(detail.locator('tr[data-field="project.duration"]'))).resolves.toContain('24');
  // The checklist names the requirement by its title and who confirmed it, never by its rule id
  const saved = await text(detail.locator('[data-testid="draft-checklist"]'));
  expect(saved).toContain('瑞方合作方已向其本方主管部门提交申请');
  expect(saved).toContain('王五');
  expect(saved).not.toContain('2019-intl-1/1.4/both-sides-apply');

  const history = detail.locator('[data-testid="draft-history"]');
  // the current state on top (revision 4, the rename), then revision 3 (imported) and revision 2 (the older file,
  // kept as a revision); a revision that reads the same as the entry above it is not listed
  await expect.poll(() => history.locator('li').count()).toBe(3);
  expect(await history.locator('li[data-revision="4"][data-current="true"]').count()).toBe(1);
  expect(await history.locator('li[data-revision="3"]:not([data-current])').count()).toBe(1);
  expect(await history.locator('li[data-revision="2"][data-reason]').count()).toBe(1);
  await history.locator('li[data-revision="2"] input[type="checkbox"]').check();
  await history.locator('li[data-revision="3"] input[type="checkbox"]').check();
  const diff = history.locator('[data-testid="revision-diff"]');
  await expect(text(diff.locator('h4'))).resolves.toContain('修订 2 → 修订 3');
  const duration = diff.locator('tr[data-field="project.duration"]');
  await expect(text(duration.locator('.gc-before'))).resolves.toBe('36');
  await expect(text(duration.locator('.gc-after'))).resolves.toBe('24');
  expect(await diff.locator('tr[data-field="pi.name"]').count()).toBe(0);

  await history.locator('li[data-revision="2"] [data-action="restore"]').click();
  await expect(text(history.locator('[data-testid="restore-confirm"]'))).resolves.toContain(
    '将草稿的字段恢复为修订 2？当前内容会保留在历史中，检查清单保持不变。',
  );
  expect(await history.getByTestId('restore-with-checklist').isChecked()).toBe(false);
  await history.locator('[data-action="confirm-restore"]').click();
  await expect.poll(() => text(detail.locator('tr[data-field="project.duration"] .gc-value'))).toBe('36');
  await expect.poll(() => text(row(A).locator('[data-testid="draft-title"]'))).toBe('中瑞储能合作（初稿）');
  // nothing lost: the restore is a new revision on top, the renamed state stays in the history below it
  await expect.poll(() => history.locator('li').count()).toBe(4);
  expect(await history.locator('li[data-revision="5"][data-current="true"]').count()).toBe(1);
  expect(await history.locator('li[data-revision="4"]:not([data-current])').count()).toBe(1);
  // the restore kept the checklist
  await expect(text(detail.locator('[data-testid="draft-checklist"]'))).resolves.toContain('王五');
});

test('a corrupt file is refused with its reason and the list does not change', async () => {
  screenshotOnFailure(page, 'options-corrupt');
  const before = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.textContent));
  await importFile(page, {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"guidecheck-drafts","version":1,"drafts":['),
  });
  const refused = page.locator('[data-testid="import-refused"]');
  await expect(text(refused)).resolves.toContain('文件未导入');
  await expect(text(refused)).resolves.toContain('文件不是有效的 JSON');
  // One language at a time: the switch shows the same refusal in English, and back
  expect(await text(refused)).not.toContain('The file is not valid JSON');
  await page.getByTestId('options-lang').click();
  await expect.poll(() => text(refused)).toContain('The file is not valid JSON');
  expect(await text(refused)).not.toContain('文件未导入');
  await page.getByTestId('options-lang').click();
  await expect.poll(() => text(refused)).toContain('文件未导入');
  await importFile(page, {
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello":"world"}'),
  });
  await expect.poll(() => text(refused)).toContain('这不是 GuideCheck 草稿导出文件');
  expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.textContent))).toEqual(before);
});

test('a lead-unit profile: a wrong credit code is shown at the field; corrected, it is saved and listed', async () => {
  screenshotOnFailure(page, 'options-profile');
  const panel = page.locator('[data-testid="profiles-leadUnit"]');
  await panel.locator('[data-action="add-leadUnit"]').click();
  const form = panel.locator('[data-testid="profile-form-leadUnit"]');
  await form.locator('input[name="name"]').fill('清华大学');
  await form.locator('input[name="creditCode"]').fill('12100000400000624A');
  await form.locator('input[name="contactName"]').fill('王老师');
  await form.locator('[data-action="save-profile"]').click();
  await expect(text(form.locator('[data-testid="error-creditCode"]'))).resolves.toContain('校验位不符');
  await form.locator('input[name="creditCode"]').fill('12100000400000624d');
  await form.locator('[data-action="save-profile"]').click();
  await form.waitFor({ state: 'detached' });
  await expect(text(panel.locator('li[data-profile]'))).resolves.toContain('清华大学');
  await expect(text(panel.locator('li[data-profile]'))).resolves.toContain('12100000400000624D');
});

test('storage status: whether the browser granted persistence, and the space used', async () => {
  screenshotOnFailure(page, 'options-storage');
  // Headless Chromium may refuse persist() even with unlimitedStorage: the page must say what the browser says.
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  const line = page.locator('[data-testid="storage-persistent"]');
  await expect(line.getAttribute('data-persistent')).resolves.toBe(String(persisted));
  await expect(text(line)).resolves.toContain(persisted ? '持久存储' : '非持久存储');
  await expect(text(page.locator('[data-testid="storage-used"]'))).resolves.toMatch(/^已用 \d+(\.\d)? (B|KB|MB)/);
  await page.locator('[data-testid="drafts-manager"]').screenshot({ path: '/tmp/options.png' });
  await page.screenshot({ path: '/tmp/options-page.png', fullPage: true });
});

test('export all re-imports into a fresh browser profile with identical drafts', async () => {
  screenshotOnFailure(page, 'options-export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="export-all"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^guidecheck-drafts-\d{8}\.json$/);
  const exported = readFileSync((await download.path())!, 'utf8');
  const drafts = (JSON.parse(exported) as { drafts: { key: string }[] }).drafts;
  expect(drafts.map((d) => d.key).sort()).toEqual([A, B]);

  const fresh = await launchChromium();
  try {
    const other = await openOptions(fresh);
    screenshotOnFailure(other, 'options-export-fresh');
    await other.locator('[data-testid="drafts-empty"]').waitFor();
    await importFile(other, {
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect(text(other.locator('[data-testid="import-summary"]'))).resolves.toContain('新增 2');
    await expect.poll(() => rows(other).count()).toBe(2);
    const [again] = await Promise.all([
      other.waitForEvent('download'),
      other.locator('[data-action="export-all"]').click(),
    ]);
    const reexported = JSON.parse(readFileSync((await again.path())!, 'utf8')) as { drafts: unknown[] };
    expect(reexported.drafts).toEqual(drafts);
  } finally {
    await fresh.close();
  }
});
