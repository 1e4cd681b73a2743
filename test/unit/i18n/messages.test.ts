import { expect, test } from 'vitest';
import { stringTables, t } from '@/lib/i18n/pageMessages';

test('no message id is defined in two string tables', () => {
  const seen = new Map<string, string>();
  for (const [table, strings] of Object.entries(stringTables)) {
    for (const id of Object.keys(strings)) {
      expect(seen.get(id), `${id} is in ${seen.get(id)} and ${table}`).toBeUndefined();
      seen.set(id, table);
    }
  }
});

test('every message has Chinese and English text with the same placeholders', () => {
  for (const strings of Object.values(stringTables)) {
    for (const [id, { zh, en }] of Object.entries(strings) as [string, { zh: string; en: string }][]) {
      expect(zh.trim(), id).not.toBe('');
      expect(en.trim(), id).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(zh), id).toEqual(vars(en));
    }
  }
});

test('t fills placeholders', () => {
  expect(t('zh', 'wan', { n: 300 })).toBe('300 万元');
  expect(t('en', 'passedFolded', { n: 3 })).toBe('3 passed');
});
