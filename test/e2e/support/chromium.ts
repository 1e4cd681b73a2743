import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { root } from '@/scripts/support/browsers';

export const artifactsDir = join(root, 'test-results');

/** Saves a screenshot of `page` under test-results/ (git-ignored) when the current test fails. */
export function screenshotOnFailure(page: Page, name: string) {
  onTestFailed(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`), fullPage: true }).catch(() => {});
  });
}
