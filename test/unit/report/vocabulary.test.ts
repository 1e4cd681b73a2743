import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from '@/lib/report/markdown';
import { reportFor } from './fixtures';

const appDir = join(import.meta.dirname, '../../fixtures/applications');
const cases = ['2019-intl-1', '2020-hmt'].flatMap((packId) =>
  readdirSync(join(appDir, packId))
    .filter((f) => /^\d\.\d\..*json$/.test(f))
    .map((file) => [packId, file] as const),
);

describe.each(cases)('the report of %s %s', (packId, file) => {
  const { report } = reportFor(packId, file);
  const text = reportToMarkdown(report);

  it('names no enum value, model path or rule id', () => {
    expect(text).not.toMatch(/\b(enterprise|university|institute)\b/);
    expect(text).not.toMatch(/(project|leadUnit|participants|pi|foreignPartners|budget|attachments|units)\.\w/);
    expect(text).not.toMatch(/\d{4}-[a-z]+-\d+\//);
  });

  it('speaks the one vocabulary: no 未通过, a failed rule by its severity', () => {
    expect(text).not.toContain('未通过');
    for (const item of report.sections.flatMap((s) => s.items).filter((i) => i.status === 'fail'))
      expect(item.statusLabel).toBe({ error: '错误', warning: '警告', info: '提示' }[item.severity]);
  });
});
