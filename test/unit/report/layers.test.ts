import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluate, findDirection } from '@/lib/engine/evaluate';
import { layersFor, type PackSummary, summarizePack } from '@/lib/packs/origin';
import { bundledPackDir, readPackFile } from '@/lib/packs/fromDisk';
import { reportFile } from '@/lib/report/file';
import { buildReport } from '@/lib/report/model';
import { reportToMarkdown } from '@/lib/report/markdown';
import { application, pack } from './fixtures';

const loaded = readPackFile(join(bundledPackDir, 'examples', 'institution-2026.json'));
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const institution = loaded.pack;
const guideline = pack('2019-intl-1');
const summaries: PackSummary[] = [
  summarizePack({
    pack: guideline,
    origin: 'bundled',
    sourceName: '扩展内置 / bundled',
    expired: true,
    stale: false,
    staleDays: 0,
  }),
  summarizePack({
    pack: institution,
    origin: 'policy',
    sourceName: '科研处规则源',
    expired: false,
    stale: true,
    staleDays: 14,
  }),
];

describe('the self-check report of a direction with an institution’s layer', () => {
  const layers = layersFor(guideline, '1.7', [guideline, institution, pack('2020-hmt')]);
  const app = application('2019-intl-1', '1.7.fail.json');
  const findings = evaluate(guideline, '1.7', app, undefined, layers);
  const report = buildReport({
    pack: guideline,
    direction: findDirection(guideline, '1.7')!,
    findings,
    layers,
    packs: summaries,
    application: app,
    generatedAt: '2026-11-28T12:00:00Z',
  });
  const items = report.sections.flatMap((s) => s.items);

  test('layers are the institution pack only: another guideline adds nothing', () => {
    expect(layers.map((p) => p.id)).toEqual(['example-institution-2026']);
  });

  test('lists the layer’s requirements beside the guideline’s, each naming its pack, version and origin', () => {
    const fromLayer = items.filter((i) => i.ruleId.startsWith('example-institution-2026/'));
    expect(fromLayer.map((i) => i.ruleId).sort()).toEqual(
      [...institution.rules.map((r) => r.id), institution.extends![0]!.directions[0]!.rules[0]!.id].sort(),
    );
    for (const item of fromLayer)
      expect(item.source).toBe(`${institution.title.zh} · 第 1 版 · 单位规则源「科研处规则源」`);
    expect(items.find((i) => i.ruleId === '2019-intl-1/1.7/duration-max-2y')?.source).toBeUndefined();
  });

  test('names every pack used with its version and origin, and flags the expired pack and the stale feed', () => {
    expect(report.packs).toEqual([
      {
        id: '2019-intl-1',
        line: `${guideline.title.zh} · 第 ${guideline.version} 版 · 扩展内置`,
        warnings: [`规则已过期（有效期至 ${guideline.expires}），请检查更新`],
      },
      {
        id: 'example-institution-2026',
        line: `${institution.title.zh} · 第 1 版 · 单位规则源「科研处规则源」`,
        warnings: ['规则源已超过 14 天没有新的签名时间戳，规则可能不是最新'],
      },
    ]);
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('规则已过期（有效期至');
    expect(markdown).toContain('规则源已超过 14 天没有新的签名时间戳');
    expect(markdown).toContain('规则来源');
  });

  test('the report file the background builds carries the same, in HTML with pack strings escaped', () => {
    const hostile = { ...summaries[1]!, sourceName: '<img src=x onerror=alert(1)>' };
    const file = reportFile(
      {
        pack: guideline,
        layers,
        packs: [summaries[0]!, hostile],
        direction: '1.7',
        findings,
        checklist: { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} },
        applicationId: 'SQ1',
        lang: 'zh',
        format: 'html',
      },
      new Date('2026-11-28T12:00:00Z'),
    )!;
    expect(file.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(file.text).not.toContain('<img src=x');
    expect(file.text).toContain('data-rule="example-institution-2026/*/pi-born-on-or-after-1965-01-01"');
  });
});
