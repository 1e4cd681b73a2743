import type { Page } from 'playwright-core';
import { budgetFrame } from '@/scripts/support/replicaForm';
import type { Driver, Step } from './application';

/**
 * Carries out application steps with Playwright, as a user types and clicks. Buttons and checkboxes
 * that sit under our docked panel get their click dispatched on them (a user would collapse the panel).
 */
export function playwrightDriver(page: Page): Driver {
  return {
    async run(step: Step) {
      switch (step.do) {
        case 'fill': {
          const target = step.frame === 'budget' ? await budgetFrame(page) : page;
          return target.fill(`[name="${step.name}"]`, step.value);
        }
        case 'select':
          return void (await page.selectOption(`[name="${step.name}"]`, { label: step.label }));
        case 'check':
          return page
            .locator(`[name="${step.name}"]`)
            .and(page.getByLabel(step.label, { exact: true }))
            .dispatchEvent('click');
        case 'click':
          return page.locator(step.selector).dispatchEvent('click');
        case 'upload':
          await page.selectOption('[name="fjsc.fjlx"]', { label: step.kindLabel });
          return page.setInputFiles('[name="fjsc.file"]', {
            name: step.fileName,
            mimeType: 'application/pdf',
            buffer: Buffer.from('%PDF-1.4\n'),
          });
      }
    },
  };
}
