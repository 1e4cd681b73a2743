// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { findDirection } from '@/lib/engine/evaluate';
import { escapeMarkdown } from '@/lib/report/escape';
import { reportFileName } from '@/lib/report/fileName';
import { reportToHtml } from '@/lib/report/html';
import { reportToMarkdown } from '@/lib/report/markdown';
import { buildReport } from '@/lib/report/model';
import { pack, reportFor } from './fixtures';
import { emptyChecklist } from '@/lib/core/vocabulary';

const hostile = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  table: 'a | b | c',
  heading: '# 标题 & "引号" \'单引号\'',
};

function hostileChecklist(packId: string, code: string) {
  const direction = findDirection(pack(packId), code)!;
  const confirm = direction.rules.find((r) => r.kind === 'confirm')!;
  const check = direction.rules.find((r) => r.kind === 'check')!;
  return {
    checklist: {
      ...emptyChecklist(),
      confirmations: { [confirm.id]: { by: hostile.img, at: '2026-11-20T02:00:00.000Z', note: hostile.script } },
      acknowledgements: { [check.id]: { reason: hostile.heading, by: hostile.table, at: '2026-11-20T02:00:00.000Z' } },
      owners: { [check.id]: hostile.table },
    },
    confirm,
    check,
  };
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe.each([
  { packId: '2019-intl-1', file: '1.7.fail.json' },
  { packId: '2019-intl-1', file: '1.2.fail.json' },
  { packId: '2020-hmt', file: '1.2.fail.json' },
])('$packId $file', ({ packId, file }) => {
  const code = file.split('.').slice(0, 2).join('.');
  const { checklist } = hostileChecklist(packId, code);
  const { report } = reportFor(packId, file, { checklist, applicationId: 'SQ2019YFE0100123' });
  const items = report.sections.flatMap((s) => s.items);
  const failing = items.filter((i) => i.status === 'fail');

  test('HTML is a standalone document with the print stylesheet and no script', () => {
    const html = reportToHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const doc = parse(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toMatch(/@media print\s*\{[\s\S]*@page\s*\{\s*size:\s*A4/);
    expect(css).toContain('"Microsoft YaHei", "Noto Sans CJK SC", sans-serif');
    expect(doc.querySelectorAll('script, img, iframe, object, embed')).toHaveLength(0);
    for (const element of doc.querySelectorAll('*')) {
      expect(
        [...element.attributes].filter((a) => a.name.startsWith('on')),
        element.tagName,
      ).toEqual([]);
    }
  });

  test('HTML lists every rule with its status, failing messages and quotes', () => {
    const doc = parse(reportToHtml(report));
    const rows = [...doc.querySelectorAll('tr[data-rule]')];
    expect(rows.map((r) => r.getAttribute('data-rule'))).toEqual(items.map((i) => i.ruleId));
    rows.forEach((row, n) => {
      expect(row.className).toBe(items[n]!.status);
      expect(row.querySelector('td.status')!.textContent).toContain(items[n]!.statusLabel);
      expect(row.querySelector('blockquote')!.textContent).toContain(items[n]!.quote);
    });
    expect(failing.length).toBeGreaterThan(0);
    for (const item of failing)
      expect(doc.querySelector(`tr[data-rule="${item.ruleId}"] li.problem`)!.textContent).toContain(item.problem);
    expect(doc.body.textContent).toContain('审核人');
  });

  test('HTML shows hostile notes, reasons and names as the text typed', () => {
    const html = reportToHtml(report);
    expect(html).not.toContain(hostile.script);
    expect(html).not.toContain(hostile.img);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&#39;单引号&#39;');
    const text = parse(html).body.textContent!;
    expect(text).toContain(hostile.script);
    expect(text).toContain(hostile.img);
    expect(text).toContain(hostile.heading);
  });

  test('Markdown lists every rule and keeps hostile strings inert', () => {
    const markdown = reportToMarkdown(report);
    for (const item of items) expect(markdown).toContain(escapeMarkdown(item.title));
    for (const item of failing) expect(markdown).toContain(escapeMarkdown(item.problem!));
    for (const item of items) expect(markdown).toContain(`“${escapeMarkdown(item.quote)}”`);
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img)/);
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(markdown).toContain('a \\| b \\| c');
    // No line may start a heading with user text: the only headings are the report's own.
    expect(markdown.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# 形式审查自查表',
      '## 资助情况',
      '## 对方联系人',
      '## 汇总',
      ...report.sections.map((s) => `## ${s.label}`),
    ]);
  });
});

test('English output has no Chinese fixed strings', () => {
  // Replace every pack and fixture text holding Chinese, so any Chinese left comes from the report itself.
  const han = /\p{Script=Han}/u;
  const latin = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value), (_, v: unknown) =>
      typeof v === 'string' && han.test(v) ? 'Latin text' : v,
    ) as T;
  const rulePack = latin(pack('2019-intl-1'));
  const direction = findDirection(rulePack, '1.7')!;
  const { checklist } = hostileChecklist('2019-intl-1', '1.7');
  const { report: zh } = reportFor('2019-intl-1', '1.7.fail.json', { checklist });
  const findings = zh.sections
    .flatMap((s) => s.items)
    .map((i) => ({
      ruleId: i.ruleId,
      kind: i.kind,
      severity: i.severity,
      section: i.section,
      status: i.status,
      fields: [],
      detail: [],
      missing: i.missing,
    }));
  const report = buildReport({
    pack: rulePack,
    direction,
    findings,
    checklist: latin(checklist),
    lang: 'en',
    generatedAt: '2026-11-23T06:30:00.000Z',
    applicationId: 'SQ1',
  });
  const markdown = reportToMarkdown(report);
  const html = reportToHtml(report);
  expect(markdown).toContain('# Pre-review self-check');
  expect(parse(html).documentElement.getAttribute('lang')).toBe('en');
  expect(markdown.match(/\p{Script=Han}+/gu)).toBeNull();
  expect(html.match(/\p{Script=Han}+/gu)).toBeNull();
  expect(reportFileName(report, 'md')).toBe('pre-review-self-check-1.7-SQ1-20261123.md');
});

test.each([
  ['plain text', 'plain text'],
  ['a|b', 'a\\|b'],
  ['# heading', '\\# heading'],
  ['#hashtag', '#hashtag'],
  ['- item', '\\- item'],
  ['1. item', '1\\. item'],
  ['1.7 方向', '1.7 方向'],
  ['line one\nline two', 'line one line two'],
  ['[link](javascript:alert(1))', '\\[link\\](javascript:alert(1))'],
  ['<b>&amp;</b>', '\\<b\\>\\&amp;\\</b\\>'],
  ['*bold* _em_ `code`', '\\*bold\\* \\_em\\_ \\`code\\`'],
])('escapeMarkdown(%j) = %j', (input, expected) => {
  expect(escapeMarkdown(input)).toBe(expected);
});

test.each([
  {
    id: 'SQ2019YFE0100123',
    at: '2026-11-23T06:30:00.000Z',
    ext: 'html' as const,
    name: '形式审查自查表-1.7-SQ2019YFE0100123-20261123.html',
  },
  { id: undefined, at: '2026-11-23T06:30:00.000Z', ext: 'md' as const, name: '形式审查自查表-1.7-20261123.md' },
  {
    id: 'a/b:c*?"<>| d',
    at: '2026-11-23T17:30:00.000Z',
    ext: 'html' as const,
    name: '形式审查自查表-1.7-a_b_c_d-20261124.html',
  },
  { id: '../..', at: 'not a date', ext: 'md' as const, name: '形式审查自查表-1.7.md' },
])('reportFileName for $id at $at', ({ id, at, ext, name }) => {
  const rulePack = pack('2019-intl-1');
  const report = buildReport({
    pack: rulePack,
    direction: findDirection(rulePack, '1.7')!,
    findings: [],
    generatedAt: at,
    applicationId: id,
  });
  expect(reportFileName(report, ext)).toBe(name);
});
