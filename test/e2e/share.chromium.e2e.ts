import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startReplica } from '@/replica/server';
import { type ChromiumWithExtension, launchChromium } from '@/scripts/support/browsers';
import { APPLY_PATH, fillReplica, sampleAustria } from '@/scripts/support/replicaForm';
import { artifactsDir, screenshotOnFailure } from './support/chromium';
import { panelIn } from './support/panel';

/**
 * Two teammates, each in their own browser profile, on the same application (same sbbh): they exchange share codes
 * through the panel and end with the same checklist. Shared notes stay text; a cut code is refused and changes nothing.
 */

const SBBH = 'SQ2019SHARE001';
const X = '2019-intl-1/1.7/both-sides-apply';
const Y = '2019-intl-1/1.7/ip-agreement';
const HOSTILE_NOTE = '<img src=x onerror=alert(1)> <script>alert(1)</script> 奥方已提交';

let replica: Awaited<ReturnType<typeof startReplica>>;
let alice: ChromiumWithExtension;
let bob: ChromiumWithExtension;

beforeAll(async () => {
  replica = await startReplica({ port: 0 });
  [alice, bob] = await Promise.all([launchChromium(), launchChromium()]);
});
afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await replica?.close();
});

async function openFilled(browser: ChromiumWithExtension, name: string): Promise<Page> {
  const page = await browser.context.newPage();
  screenshotOnFailure(page, `share-${name}`);
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await page.goto(`${replica.url}${APPLY_PATH}?sbbh=${SBBH}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  panels.set(page, await panelIn(page));
  await ui(page).locator('.gc-panel').waitFor();
  await fillReplica(page, sampleAustria);
  await ui(page).locator(`.gc-finding[data-rule="${X}"]`).waitFor();
  return page;
}

/** Each page's panel frame (found once through panelIn: these pages are not reloaded). */
const panels = new Map<Page, Frame>();
const ui = (page: Page) => panels.get(page)!;
const finding = (page: Page, rule: string) => ui(page).locator(`.gc-finding[data-rule="${rule}"]`);
const share = (page: Page) => ui(page).getByTestId('gc-share');
const mine = (page: Page) => ui(page).getByTestId('gc-mine');

/** Share, the name box and the "only mine" filter live under the panel's 更多 menu. */
async function openMenu(page: Page) {
  if ((await ui(page).getByTestId('gc-menu').count()) === 0) await ui(page).getByTestId('gc-menu-toggle').click();
}

/** An item's owner, note and guideline text sit behind its fold 负责人、备注与指南原文. */
async function openFold(page: Page, rule: string) {
  const fold = finding(page, rule).locator('details.gc-more');
  if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
}

async function openShare(page: Page) {
  await openMenu(page);
  if (!(await share(page).evaluate((d) => (d as HTMLDetailsElement).open)))
    await share(page).locator('summary').first().click();
}

async function makeCode(page: Page, sharedBy: string): Promise<string> {
  await openShare(page);
  // The one name box signs the share
  await expect(mine(page).locator('input:not([type])').inputValue()).resolves.toBe(sharedBy);
  await expect(share(page).getByTestId('gc-share-travels').textContent()).resolves.toContain(`“${sharedBy}”`);
  await share(page).getByRole('button', { name: '生成分享码' }).click();
  const code = await share(page).locator('.gc-share-code textarea').inputValue();
  expect(code).toMatch(/^GC1\./);
  return code;
}

async function preview(page: Page, code: string) {
  await openShare(page);
  await ui(page).getByTestId('gc-share-import').locator('textarea').fill(code);
  await ui(page).getByTestId('gc-share-import').getByRole('button', { name: '查看将合并的内容' }).click();
}

async function importCode(page: Page, code: string) {
  await preview(page, code);
  await ui(page).getByTestId('gc-share-preview').getByRole('button', { name: '确认合并' }).click();
  await expect(ui(page).getByTestId('gc-share-result').textContent()).resolves.toMatch(/^已合并 \d+ 项/);
}

/** The checklist as the panel shows it: ticked items (confirmed or document ready), notes and owners. */
function panelChecklist(page: Page) {
  return ui(page)
    .locator('.gc-finding')
    .evaluateAll((items) =>
      items
        .map((li) => ({
          rule: li.getAttribute('data-rule'),
          ticked: !!li.querySelector<HTMLInputElement>('.gc-actions input[type=checkbox]')?.checked,
          note: li.querySelector<HTMLInputElement>('.gc-more > .gc-note')?.value ?? '',
          owner: li.querySelector<HTMLInputElement>('.gc-owner input')?.value ?? '',
        }))
        .filter((i) => i.ticked || i.note || i.owner)
        .sort((a, b) => String(a.rule).localeCompare(String(b.rule))),
    );
}

test('two profiles exchange codes and end with the same checklist; shared notes are text; a cut code changes nothing', async () => {
  const [a, b] = await Promise.all([openFilled(alice, 'alice'), openFilled(bob, 'bob')]);
  expect(await panelChecklist(b)).toEqual([]);

  // A types their name once (it signs confirmations and shares), confirms X with a hostile note and shares
  await openMenu(a);
  await mine(a).locator('input:not([type])').fill('张伟');
  await finding(a, X).locator('.gc-actions input[type=checkbox]').check();
  await finding(a, X).locator('.gc-tag.gc-pass').waitFor();
  await openFold(a, X);
  await finding(a, X).locator('.gc-more > .gc-note').fill(HOSTILE_NOTE);
  await finding(a, X).locator('.gc-more > .gc-note').blur();
  await expect.poll(() => panelChecklist(a)).toEqual([{ rule: X, ticked: true, note: HOSTILE_NOTE, owner: '' }]);
  const codeA = await makeCode(a, '张伟');

  // B previews A's code: one item, the note shown as text, no element made from it
  await preview(b, codeA);
  const shown = ui(b).getByTestId('gc-share-preview');
  await expect(shown.textContent()).resolves.toContain('将合并 1 项');
  await expect(shown.textContent()).resolves.toContain(`已确认（张伟，`);
  await expect(shown.textContent()).resolves.toContain(HOSTILE_NOTE);
  expect(await shown.getByText('<script>alert(1)</script>', { exact: false }).isVisible()).toBe(true);
  expect(await ui(b).locator('img').count()).toBe(0);
  expect(await ui(b).locator('body script').count()).toBe(0);
  mkdirSync(artifactsDir, { recursive: true });
  await share(b).screenshot({ path: join(artifactsDir, 'share-preview.png') });
  await ui(b).getByTestId('gc-share-preview').getByRole('button', { name: '确认合并' }).click();
  await expect.poll(() => finding(b, X).locator('.gc-actions input[type=checkbox]').isChecked()).toBe(true);
  await expect.poll(() => finding(b, X).locator('.gc-more > .gc-note').inputValue()).toBe(HOSTILE_NOTE);
  await finding(b, X).locator('.gc-tag.gc-pass').waitFor();
  expect(await ui(b).locator('img').count()).toBe(0);

  // a truncated code is refused with its reason, and B's checklist stays as it was
  const before = await panelChecklist(b);
  await preview(b, codeA.slice(0, -6));
  await expect(ui(b).getByTestId('gc-share-refused').textContent()).resolves.toContain('分享码不完整或已被修改');
  expect(await ui(b).getByTestId('gc-share-preview').count()).toBe(0);
  expect(await panelChecklist(b)).toEqual(before);

  // B marks the document of Y ready, assigns Y to 王芳, and shares back
  await mine(b).locator('input:not([type])').fill('王芳');
  await finding(b, Y).locator('.gc-actions input[type=checkbox]').check();
  await openFold(b, Y);
  await finding(b, Y).locator('.gc-owner input').fill('王芳');
  await finding(b, Y).locator('.gc-owner input').press('Enter');
  await expect
    .poll(() => panelChecklist(b))
    .toEqual([
      { rule: X, ticked: true, note: HOSTILE_NOTE, owner: '' },
      { rule: Y, ticked: true, note: '', owner: '王芳' },
    ]);
  await share(b).screenshot({ path: join(artifactsDir, 'share-section.png') });
  const codeB = await makeCode(b, '王芳');

  // A imports: both sides now show X and Y, the same way
  await importCode(a, codeB);
  await expect.poll(() => panelChecklist(a)).toEqual(await panelChecklist(b));

  // A's "only mine" filter hides Y, owned by 王芳
  await expect(mine(a).locator('input:not([type])').inputValue()).resolves.toBe('张伟');
  await mine(a).locator('input[type=checkbox]').check();
  await expect.poll(() => finding(a, Y).count()).toBe(0);
  expect(await finding(a, X).count()).toBe(1);
  await expect(mine(a).textContent()).resolves.toContain('已隐藏 1 项他人负责的条目');

  await Promise.all([a.close(), b.close()]);
});
