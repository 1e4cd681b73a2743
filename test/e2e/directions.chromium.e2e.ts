import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { APPLY_PATH } from '@/scripts/support/replicaForm';
import { stepsFor } from './support/application';
import { directionRun, directionRuns, failingRules } from './support/directionCases';
import { chromiumOnReplica, screenshotOnFailure } from './support/chromium';
import { playwrightDriver } from './support/playwrightDriver';
import { panelIn } from './support/panel';

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

test.each(directionRuns)(
  '%s %s: the %s application typed into the form shows the fixture’s failures and the engine’s findings',
  async (packId, code, kind) => {
    const { pack, app, statuses: expected, failures } = directionRun(packId, code, kind);
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
    expect(failingRules(await panelStatuses(page))).toEqual(failures);
    await page.close();
  },
);
