import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluate } from '@/lib/engine/evaluate';
import { bundledPackDir, loadPackDir } from '@/lib/packs/fromDisk';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { projectToReplica, stepsFor } from './support/application';
import { directionCases, failingRules, failuresOnForm, fixture } from './support/directionCases';
import { chromiumOnReplica, screenshotOnFailure } from './support/chromium';
import { playwrightDriver } from './support/playwrightDriver';
import { panelIn } from './support/panel';

const { packs } = loadPackDir(bundledPackDir);
const env = chromiumOnReplica();

/** Every rule the panel lists, with its status (the panel leaves out rules that do not apply). */
async function panelStatuses(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await (await panelIn(page))
      .locator('.gc-finding')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-rule'), /\bgc-(pass|fail|confirm|unknown)\b/.exec(li.className)?.[1]]),
      ),
  );
}

test.each(
  directionCases.flatMap(([packId, code]) => [[packId, code, 'fail'] as const, [packId, code, 'pass'] as const]),
)(
  '%s %s: the %s application typed into the form shows the fixture’s failures and the engine’s findings',
  async (packId, code, kind) => {
    const pack = packs.find((p) => p.id === packId)!;
    const app = projectToReplica(fixture(packId, `${code}.${kind}.json`));
    const expected = Object.fromEntries(
      evaluate(pack, code, app)
        .filter((f) => f.status !== 'na')
        .map((f) => [f.ruleId, f.status]),
    );
    if (kind === 'fail') expect(Object.values(expected)).toContain('fail');
    else expect(Object.values(expected)).not.toContain('fail');

    const page = await env.browser.context.newPage();
    screenshotOnFailure(page, `direction-${packId}-${code}-${kind}`);
    await page.goto(
      `${env.replica.url}${APPLY_PATH}?sbbh=E2E${packId.slice(0, 4)}${code.replace('.', '')}${kind.toUpperCase()}`,
    );
    await page.locator('body[data-loaded="1"]').waitFor();
    await (await panelIn(page)).locator('.gc-panel').waitFor();
    const driver = playwrightDriver(page);
    for (const step of stepsFor(app, pack)) await driver.run(step);
    await expect.poll(() => panelStatuses(page), { timeout: 10_000 }).toEqual(expected);
    // The fixtures' answer key: exactly the rules it lists fail in the panel
    expect(failingRules(await panelStatuses(page))).toEqual(failuresOnForm(packId, `${code}.${kind}.json`));
    await page.close();
  },
);
