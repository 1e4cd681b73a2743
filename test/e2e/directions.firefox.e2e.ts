import { expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { evaluate } from '@/lib/engine/evaluate';
import { bundledPackDir, loadPackDir } from '@/lib/packs/fromDisk';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { firefoxOnReplica } from './support/firefox';
import { directionCases, failingRules, failuresOnForm, fixture } from './support/directionCases';
import { projectToReplica, stepsFor } from './support/application';
import { puppeteerDriver } from './support/puppeteerDriver';
import { panelInFirefox } from './support/panel';

const { packs } = loadPackDir(bundledPackDir);
const env = firefoxOnReplica();

async function panelStatuses(page: Page): Promise<Record<string, string>> {
  const items = await (await panelInFirefox(page)).$$eval('>>> .gc-finding', (lis) =>
    lis.map((li) => [li.getAttribute('data-rule'), /\bgc-(pass|fail|confirm|unknown)\b/.exec(li.className)?.[1]]),
  );
  return Object.fromEntries(items);
}

test.each(
  directionCases.flatMap(([packId, code]) => [[packId, code, 'fail'] as const, [packId, code, 'pass'] as const]),
)(
  'Firefox %s %s: the %s application typed into the form shows the fixture’s failures and the engine’s findings',
  async (packId, code, kind) => {
    const pack = packs.find((p) => p.id === packId)!;
    const app = projectToReplica(fixture(packId, `${code}.${kind}.json`));
    const expected = Object.fromEntries(
      evaluate(pack, code, app)
        .filter((f) => f.status !== 'na')
        .map((f) => [f.ruleId, f.status]),
    );
    const page = await env.browser.newPage();
    await page.goto(
      `${env.replica.url}${APPLY_PATH}?sbbh=FF${packId.slice(0, 4)}${code.replace('.', '')}${kind.toUpperCase()}`,
    );
    await page.waitForSelector('body[data-loaded="1"]');
    await (await panelInFirefox(page)).waitForSelector('>>> .gc-panel', { timeout: 20_000 });
    const driver = puppeteerDriver(page);
    for (const step of stepsFor(app, pack)) await driver.run(step);
    await expect.poll(() => panelStatuses(page), { timeout: 10_000 }).toEqual(expected);
    expect(failingRules(await panelStatuses(page))).toEqual(failuresOnForm(packId, `${code}.${kind}.json`));
    await page.close();
  },
);
