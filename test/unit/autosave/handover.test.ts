import { expect, test } from 'vitest';
import { collectUnsaved, handedOverMessage, offerUnsaved } from '@/lib/autosave/handover';
import { type ReinjectApi, reinjectContentScripts } from '@/lib/autosave/reinject';

test('a dead script hands its unsaved keys for the asker’s draft over, and retires', () => {
  const page = new EventTarget();
  const retired: string[] = [];
  offerUnsaved(page, 'h|A1', () => {
    retired.push('A1');
    return ['project.nameZh', 'budget.central'];
  });
  offerUnsaved(page, 'h|B2', () => {
    retired.push('B2');
    return ['pi.name'];
  });
  expect(collectUnsaved(page, 'h|A1')).toEqual(['project.nameZh', 'budget.central']);
  expect(collectUnsaved(page, 'h|B2')).toEqual(['pi.name']);
});

test('a live script answers nothing: a page that asks learns nothing and stops nothing', () => {
  const page = new EventTarget();
  let asked = 0;
  offerUnsaved(page, 'h|A1', () => {
    asked++;
    return undefined;
  });
  expect(collectUnsaved(page, 'h|A1')).toEqual([]);
  expect(asked).toBe(1);
});

test('answers the page forges are ignored: wrong draft, not JSON, over-long keys', () => {
  const page = new EventTarget();
  page.addEventListener('guidecheck:unsaved-keys?', () => {
    const forge = (detail: string) => page.dispatchEvent(new CustomEvent('guidecheck:unsaved-keys', { detail }));
    forge(JSON.stringify({ key: 'h|OTHER', keys: ['pi.name'] }));
    forge('<img src=x>');
    forge(JSON.stringify({ key: 'h|A1', keys: ['x'.repeat(301), 42, 'project.nameEn'] }));
  });
  expect(collectUnsaved(page, 'h|A1')).toEqual(['project.nameEn']);
});

test('the user is told, Chinese first, how many fields were taken over', () => {
  const m = handedOverMessage(3);
  expect(m.zh).toContain('3 个字段');
  expect(m.zh).toContain('已更新');
  expect(m.en).toContain('3 fields');
});

function fakeTabs(tabs: Record<string, { id?: number; discarded?: boolean }[]>, failing: number[] = []) {
  const injected: { tabId: number; allFrames: boolean; files: string[] }[] = [];
  const api = (scripts: ReturnType<ReinjectApi['contentScripts']>): ReinjectApi => ({
    contentScripts: () => scripts,
    tabsMatching: async (matches) => matches.flatMap((m) => tabs[m] ?? []),
    inject: async (target, files) => {
      if (failing.includes(target.tabId)) throw new Error('No tab with id');
      injected.push({ ...target, files });
    },
  });
  return { api, injected };
}

test('after an update each manifest content script runs in its open, loaded tabs', async () => {
  const { api, injected } = fakeTabs({
    'https://*.most.gov.cn/*': [{ id: 1 }, { id: 2, discarded: true }, {}],
    'http://127.0.0.1/*': [{ id: 3 }],
  });
  const count = await reinjectContentScripts(
    api([
      { matches: ['https://*.most.gov.cn/*', 'http://127.0.0.1/*'], js: ['content-scripts/portal.js'] },
      { matches: ['https://other/*'] }, // css only: nothing to run
    ]),
  );
  expect(count).toBe(2);
  expect(injected).toEqual([
    { tabId: 1, allFrames: false, files: ['content-scripts/portal.js'] },
    { tabId: 3, allFrames: false, files: ['content-scripts/portal.js'] },
  ]);
});

test('a tab that refuses (closed meanwhile, a policy) does not stop the others', async () => {
  const { api, injected } = fakeTabs({ 'https://*.most.gov.cn/*': [{ id: 1 }, { id: 2 }, { id: 3 }] }, [2]);
  const count = await reinjectContentScripts(
    api([{ matches: ['https://*.most.gov.cn/*'], js: ['portal.js'], all_frames: true }]),
  );
  expect(count).toBe(2);
  expect(injected.map((i) => [i.tabId, i.allFrames])).toEqual([
    [1, true],
    [3, true],
  ]);
});
