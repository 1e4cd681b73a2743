// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SETTLE_MS, watchForApplicationForm } from '@/lib/overlay/activation';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

const fieldMap = fieldMapJson as unknown as FieldMap;
const form = readFileSync(join(import.meta.dirname, '../../fixtures/portal/form.html'), 'utf8');

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<div id="app">加载中…</div>';
});
afterEach(() => vi.useRealTimers());

test('a form already on the page activates at once', () => {
  document.body.innerHTML = form;
  const found = vi.fn();
  watchForApplicationForm(document, fieldMap, found);
  expect(found).toHaveBeenCalledTimes(1);
});

test('a form rendered later (after an XHR, an SPA route) wakes the watcher once, within the settle time', async () => {
  const found = vi.fn();
  watchForApplicationForm(document, fieldMap, found);
  await vi.advanceTimersByTimeAsync(1000);
  expect(found).not.toHaveBeenCalled();
  document.querySelector('#app')!.innerHTML = form;
  await vi.advanceTimersByTimeAsync(SETTLE_MS + 1);
  expect(found).toHaveBeenCalledTimes(1);
  document.body.append(document.createElement('input'));
  await vi.advanceTimersByTimeAsync(SETTLE_MS * 3);
  expect(found).toHaveBeenCalledTimes(1);
});

test('an unrelated page with inputs stays dormant; stopping ends the watch', async () => {
  const found = vi.fn();
  const stop = watchForApplicationForm(document, fieldMap, found);
  document.querySelector('#app')!.innerHTML = '<label>搜索</label><input name="q"> 通知公告';
  await vi.advanceTimersByTimeAsync(SETTLE_MS * 3);
  expect(found).not.toHaveBeenCalled();
  stop();
  document.querySelector('#app')!.innerHTML = form;
  await vi.advanceTimersByTimeAsync(SETTLE_MS * 3);
  expect(found).not.toHaveBeenCalled();
});
