import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import type { Driver, Step } from './application';

/** Sets a control's value the way a browser does when the user types, then lets the page hear it. */
function setValue(el: Element, value: string) {
  const input = el as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Carries out application steps in Firefox through Puppeteer (WebDriver BiDi). Date inputs cannot be
 * typed into portably, so values are set and the input/change events sent, as the browser does on typing.
 */
export function puppeteerDriver(page: Page): Driver {
  const files = mkdtempSync(join(tmpdir(), 'gc-upload-'));
  const frameFor = (step: Step): Page | Frame =>
    step.do === 'fill' && step.frame === 'budget' ? page.frames().find((f) => f.url().includes('/frame/jfys'))! : page;
  const driver: Driver = {
    async run(step: Step) {
      switch (step.do) {
        case 'fill':
          return frameFor(step).$eval(`[name="${step.name}"]`, setValue, step.value);
        case 'select':
          return void (await page.$eval(
            `[name="${step.name}"]`,
            (el, label) => {
              const select = el as HTMLSelectElement;
              select.selectedIndex = Array.from(select.options).findIndex((o) => o.text.trim() === label);
              select.dispatchEvent(new Event('input', { bubbles: true }));
              select.dispatchEvent(new Event('change', { bubbles: true }));
            },
            step.label,
          ));
        case 'check':
          return page.$$eval(
            `[name="${step.name}"]`,
            (boxes, label) => {
              const box = boxes.find(
                (b) => b.ownerDocument.querySelector(`label[for="${b.id}"]`)?.textContent?.trim() === label,
              );
              (box as HTMLInputElement | undefined)?.click();
            },
            step.label,
          );
        case 'click':
          return page.$eval(step.selector, (el) => (el as HTMLElement).click());
        case 'upload': {
          await driver.run({ do: 'select', name: 'fjsc.fjlx', label: step.kindLabel });
          const path = join(files, step.fileName);
          writeFileSync(path, '%PDF-1.4\n');
          const input = (await page.$(
            'input[type="file"][name="fjsc.file"]',
          )) as ElementHandle<HTMLInputElement> | null;
          return input!.uploadFile(path);
        }
      }
    },
  };
  return driver;
}
