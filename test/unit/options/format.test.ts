import { describe, expect, test } from 'vitest';
import { exportFileName, formatBytes, formatTime } from '@/components/options/format';

describe('formatBytes', () => {
  test.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1_258_291, '1.2 MB'],
    [5 * 1024 ** 3, '5.0 GB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%d bytes → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('exportFileName', () => {
  test.each([
    [new Date(2024, 2, 1, 0, 0), 'guidecheck-drafts-20240301.json'],
    [new Date(2019, 11, 31, 23, 59), 'guidecheck-drafts-20191231.json'],
  ])('%s → %s (local day)', (date, name) => expect(exportFileName(date)).toBe(name));
});

describe('formatTime', () => {
  test('local minutes', () => expect(formatTime(new Date(2024, 0, 5, 9, 7).toISOString())).toBe('2024-01-05 09:07'));
  test('an unreadable timestamp is shown as stored', () => expect(formatTime('yesterday')).toBe('yesterday'));
});
