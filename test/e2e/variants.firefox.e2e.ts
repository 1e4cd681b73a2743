import { expect, test } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { firefoxOnReplica } from './support/firefox';
import {
  clickInPanelFirefox,
  markerBesideInFirefox,
  panelInFirefox,
  waitInPanelFirefox,
  waitSavedInFirefox,
} from './support/panel';
import {
  type ControlRef,
  DIRECTION,
  DURATION,
  FUNDING,
  type VariantStep,
  findControl,
  formValues,
  restoredShare,
  tabBody,
  tabButton,
  tabRounds,
  variantScenarios,
} from './support/variantScenarios';

/** Firefox on every portal variant (replica/pages/variants.ts, variants2.ts): the same promises as in Chromium. */

const env = firefoxOnReplica();

async function open(path: string): Promise<Page> {
  const page = await env.browser.newPage();
  await page.goto(`${env.replica.url}${path}`);
  await page.waitForSelector('body[data-loaded="1"]');
  await (await panelInFirefox(page)).waitForSelector('>>> .gc-panel', { timeout: 20_000 });
  // the background's first answer (rules validated on its start) can take a while on a cold browser
  await waitInPanelFirefox(
    page,
    () => !document.querySelector('.gc-panel')?.textContent?.includes('正在加载规则'),
    '',
    20_000,
  );
  return page;
}

const failing = (page: Page, rule: string, timeout = 1000) =>
  panelInFirefox(page).then((p) => p.waitForSelector(`>>> .gc-finding.gc-fail[data-rule="${rule}"]`, { timeout }));

/** The restore offered after a session timeout, accepted by the user; the panel says it is done. */
async function acceptRestore(page: Page) {
  await clickInPanelFirefox(page, '[data-testid="gc-restore"] button');
  await (await panelInFirefox(page)).waitForSelector('>>> [data-testid="gc-restored"]', { timeout: 5000 });
}

/** How many of `saved` (name → value) the target shows, polling each briefly (restore goes through the page). */
async function countRestored(target: Page | Frame, saved: Record<string, string>): Promise<number> {
  let n = 0;
  for (const [name, value] of Object.entries(saved)) {
    const ok = await target
      .waitForFunction(
        (sel, v) => (document.querySelector(sel) as HTMLInputElement | null)?.value === v,
        { timeout: 2000 },
        `[name=${name}]`,
        value,
      )
      .then(() => true)
      .catch(() => false);
    if (ok) n++;
  }
  return n;
}

async function type(target: Page | Frame, selector: string, value: string) {
  await target.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
  await target.type(selector, value);
}

test('Firefox: widgets — readonly combobox, date pickers without events, labels a row above; both warnings and markers', async () => {
  const page = await open('/egrantweb/variant/widgets.html?sbbh=SQ2021FFWID1');
  await page.click('.combo-arrow');
  const items = await page.$$('.combobox-item');
  for (const item of items)
    if ((await item.evaluate((el) => el.textContent)) === DIRECTION) {
      await item.click();
      break;
    }
  await waitInPanelFirefox(page, () => document.querySelector('.gc-panel h2')?.textContent?.includes('1.7'));
  for (const [name, date] of [
    ['ksrq', '2020-01-01'],
    ['jsrq', '2022-12-31'],
  ] as const) {
    await page.click(`[name=${name}]`);
    await type(page, '.wdate-input', date);
    await page.click('.wdate-ok');
  }
  await type(page, '[name=xmmc]', '中奥量子信息科学联合研究');
  await type(page, '[name=dwmc]', '示例大学');
  await type(page, '[name=tyshxydm]', '12100000400012345X');
  await type(page, '[name=qtlyjf]', '50');
  await type(page, '[name=zyczjf]', '450');
  await failing(page, DURATION);
  await failing(page, FUNDING);
  await expect.poll(() => markerBesideInFirefox(page, '[name=zyczjf]'), { timeout: 1000 }).toBe(true);
  const saved: Record<string, string> = {};
  for (const name of ['xmmc', 'znfx_text', 'ksrq', 'jsrq', 'dwmc', 'tyshxydm', 'qtlyjf', 'zyczjf'])
    saved[name] = await page.$eval(`[name=${name}]`, (el) => (el as HTMLInputElement).value);

  // session timeout: the page comes back empty; the restore goes through the widgets
  await waitSavedInFirefox(page);
  await page.reload();
  await page.waitForSelector('body[data-loaded="1"]');
  await acceptRestore(page);
  expect((await countRestored(page, saved)) / Object.keys(saved).length).toBeGreaterThanOrEqual(0.95);
  // the readonly combobox was picked through its own list: its hidden code is the item's
  expect(await page.$eval('.combo-value', (el) => (el as HTMLInputElement).value)).toBe(
    await page.$$eval(
      '.combobox-item',
      (items, text) => items.find((i) => i.textContent === text)?.getAttribute('data-value'),
      DIRECTION,
    ),
  );
  await failing(page, DURATION);
  await failing(page, FUNDING);
  await page.close();
});

test('Firefox: frame shell — on 经费预算 the rules still know 基本信息’s dates; the restore continues into every section', async () => {
  const page = await open('/egrantweb/variant/shell.html?sbbh=SQ2021FFSHL1');
  const frame = async (section: string) => {
    await page.waitForFunction(
      (s) => {
        const f = document.querySelector<HTMLIFrameElement>('iframe[name=mainFrame]');
        return f?.contentDocument?.location.href.includes(`s=${s}`) && f.contentDocument.body?.dataset.loaded === '1';
      },
      {},
      section,
    );
    return (await (await page.$('iframe[name=mainFrame]'))!.contentFrame())!;
  };
  const basic = await frame('basic');
  await basic.select(
    '[name=znfx]',
    await basic.$eval(
      '[name=znfx]',
      (el, text) => Array.from((el as HTMLSelectElement).options).find((o) => o.text === text)!.value,
      DIRECTION,
    ),
  );
  // a date input's own picker is the browser's: its value comes with an input event
  for (const [name, date] of [
    ['ksrq', '2020-01-01'],
    ['jsrq', '2022-12-31'],
  ] as const)
    await basic.$eval(
      `[name=${name}]`,
      (el, value: string) => {
        (el as HTMLInputElement).value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      date,
    );
  await failing(page, DURATION);
  await page.click('.shell-menu[data-section="budget"]');
  const budget = await frame('budget');
  await type(budget, '[name=zyczjf]', '450');
  await failing(page, FUNDING);
  await failing(page, DURATION);
  const lines = await (await panelInFirefox(page)).$$eval('>>> [data-testid="gc-from-other-pages"]', (els) =>
    els.map((e) => e.textContent),
  );
  expect(lines.join(' ')).toContain('来自「基本信息」页');
  await type(budget, '[name=qtlyjf]', '50');
  await page.click('.shell-menu[data-section="unit"]');
  const unit = await frame('unit');
  await type(unit, '[name=dwmc]', '示例大学');
  await type(unit, '[name=tyshxydm]', '12100000400012345X');
  const saved: Record<string, Record<string, string>> = {
    basic: { ksrq: '2020-01-01', jsrq: '2022-12-31' },
    unit: { dwmc: '示例大学', tyshxydm: '12100000400012345X' },
    budget: { zyczjf: '450', qtlyjf: '50' },
  };

  // session timeout: every section comes back empty; the restore continues section by section
  await waitSavedInFirefox(page);
  await page.goto(`${env.replica.url}/egrantweb/variant/shell.html?sbbh=SQ2021FFSHL1&expired=1`);
  await page.waitForSelector('body[data-loaded="1"]');
  await frame('basic');
  await acceptRestore(page);
  let restored = 0;
  for (const key of ['basic', 'unit', 'budget'] as const) {
    if (key !== 'basic') await page.click(`.shell-menu[data-section="${key}"]`);
    restored += await countRestored(await frame(key), saved[key]!);
  }
  expect(restored).toBe(6);
  await page.close();
});

/** The control a scenario names, as an element handle */
const control = async (page: Page, ref: ControlRef) =>
  (await page.evaluateHandle(findControl, ref)).asElement() as ElementHandle<Element>;

/** The value set as the browser does when the user types or picks (Firefox cannot type into date inputs portably). */
async function setControl(page: Page, ref: ControlRef, value: string, by: 'value' | 'label') {
  await (await control(page, ref)).evaluate(
    (el, v, kind) => {
      const c = el as HTMLInputElement | HTMLSelectElement;
      c.focus();
      if (kind === 'label' && c instanceof HTMLSelectElement)
        c.selectedIndex = Array.from(c.options).findIndex((o) => o.text.trim() === v);
      else c.value = v;
      c.dispatchEvent(new Event('input', { bubbles: true }));
      c.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
    by,
  );
}

async function openTab(page: Page, key: string) {
  await page.click(tabButton(key));
  await page.waitForSelector(tabBody(key));
}

/** A scenario's steps as a user carries them out, with the panel's answers checked as they come. */
async function runSteps(page: Page, steps: VariantStep[]) {
  for (const step of steps) {
    if ('fill' in step) await setControl(page, step.fill, step.value, 'value');
    else if ('select' in step) await setControl(page, step.select, step.label, 'label');
    else if ('tab' in step) await openTab(page, step.tab);
    else if ('direction' in step)
      await waitInPanelFirefox(page, () => document.querySelector('.gc-panel h2')?.textContent?.includes('1.7'));
    else if ('warnings' in step) {
      for (const rule of step.warnings) await failing(page, rule);
      for (const ref of step.beside) {
        const field = await control(page, ref);
        await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await expect.poll(() => markerBesideInFirefox(page, field), { timeout: 1000 }).toBe(true);
      }
    } else
      await waitInPanelFirefox(
        page,
        (text) => !!document.querySelector('.gc-panel') && !document.body.textContent?.includes(text),
        step.panelLacks,
      );
  }
}

for (const scenario of variantScenarios)
  test(`Firefox: ${scenario.title}`, async () => {
    const page = await open(`${scenario.path}?sbbh=${scenario.sbbh}`);
    await runSteps(page, scenario.steps);
    const before = await page.evaluate(formValues);
    const idsOf = (sel: string) => page.$$eval(sel, (els) => els.map((e) => e.id));
    const idsBefore = scenario.generatedIds ? await idsOf(scenario.generatedIds) : [];

    // session timeout: the same address comes back empty
    await waitSavedInFirefox(page);
    await page.reload();
    await page.waitForSelector('body[data-loaded="1"]');
    await acceptRestore(page);
    if (scenario.tabs) {
      let restored = 0;
      let total = 0;
      for (const key of tabRounds) {
        await openTab(page, key);
        total += Object.keys(scenario.tabs[key]!).length;
        restored += await countRestored(page, scenario.tabs[key]!);
      }
      expect(restored / total).toBeGreaterThanOrEqual(0.95);
    } else {
      if (scenario.rerender) await page.click(scenario.rerender);
      if (scenario.generatedIds)
        expect((await idsOf(scenario.generatedIds)).filter((id) => idsBefore.includes(id))).toEqual([]);
      expect(restoredShare(before, await page.evaluate(formValues))).toBeGreaterThanOrEqual(0.95);
      await failing(page, DURATION, 5000);
      await failing(page, FUNDING, 5000);
    }
    await page.close();
  });
