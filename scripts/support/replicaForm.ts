import type { Frame, Page } from 'playwright-core';

/**
 * Typing into the replica's form as a user would (the demo, the bench and the end-to-end tests).
 * Keys are the replica's own field names; the extension never sees them, it finds fields by label.
 */
export interface ReplicaValues {
  /** text inputs, including date inputs (yyyy-mm-dd) */
  text?: Record<string, string>;
  /** selects, by the visible option text */
  select?: Record<string, string>;
  /** inputs inside the 经费预算 iframe */
  budget?: Record<string, string>;
}

export const APPLY_PATH = '/egrantweb/xmsb/apply.html';

export async function fillReplica(page: Page, values: ReplicaValues): Promise<void> {
  for (const [name, label] of Object.entries(values.select ?? {}))
    await page.selectOption(`[name="${name}"]`, { label });
  for (const [name, value] of Object.entries(values.text ?? {})) await page.fill(`[name="${name}"]`, value);
  if (values.budget) {
    const frame = await budgetFrame(page);
    for (const [name, value] of Object.entries(values.budget)) await frame.fill(`[name="${name}"]`, value);
  }
}

export async function budgetFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe.frame-budget');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the 经费预算 iframe has no document');
  await frame.waitForSelector('input');
  return frame;
}

/** A sample application of direction 1.7 (China–Austria): its duration breaks the 2-year limit, its budget is far above the average. */
export const sampleAustria: ReplicaValues = {
  select: {
    'xmxx.sszx': '政府间国际科技创新合作/港澳台科技创新合作重点专项',
    'xmxx.znfx': '1.7 中国和奥地利政府间科技合作项目',
    'sbdw.dwxz': '高等院校',
    'wfdw.gjdq': '奥地利',
  },
  text: {
    'xmxx.xmmc': '中奥量子信息科学联合研究',
    'xmxx.ywmc': 'China-Austria Joint Research on Quantum Information Science',
    'xmxx.zxqxks': '2020-01-01',
    'xmxx.zxqxjs': '2022-12-31',
    'sbdw.dwmc': '示例大学',
    'sbdw.tyshxydm': '12100000400012345X',
    'xmfzr.xm': '李明',
    'wfdw.mc': 'Universität Wien',
  },
  budget: { 'jfys.zyczjf': '450', 'jfys.qtlyjf': '50' },
};
