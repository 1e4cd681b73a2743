import { expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { firefoxOnReplica } from './support/firefox';
import { directionRun, directionRuns, failingRules } from './support/directionCases';
import { stepsFor } from './support/application';
import { puppeteerDriver } from './support/puppeteerDriver';
import { panelInFirefox } from './support/panel';

const env = firefoxOnReplica();

async function panelStatuses(page: Page): Promise<Record<string, string>> {
  const items = await (await panelInFirefox(page)).$$eval('>>> .gc-finding', (lis) =>
    lis.map((li) => [li.getAttribute('data-rule'), /\bgc-(pass|fail|confirm|unknown)\b/.exec(li.className)?.[1]]),
  );
  return Object.fromEntries(items);
}

test.each(directionRuns)(
  'Firefox %s %s: the %s application typed into the form shows the fixture’s failures and the engine’s findings',
  async (packId, code, kind) => {
    const { pack, app, statuses: expected, failures } = directionRun(packId, code, kind);
    const page = await env.browser.newPage();
    await page.goto(
      `${env.replica.url}${APPLY_PATH}?sbbh=FF${packId.slice(0, 4)}${code.replace('.', '')}${kind.toUpperCase()}`,
    );
    await page.waitForSelector('body[data-loaded="1"]');
    await (await panelInFirefox(page)).waitForSelector('>>> .gc-panel', { timeout: 20_000 });
    const driver = puppeteerDriver(page);
    for (const step of stepsFor(app, pack)) await driver.run(step);
    await expect.poll(() => panelStatuses(page), { timeout: 10_000 }).toEqual(expected);
    expect(failingRules(await panelStatuses(page))).toEqual(failures);
    await page.close();
  },
);
