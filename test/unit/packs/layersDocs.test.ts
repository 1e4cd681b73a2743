// The layering examples of docs/packs.md are real packs: each validates, and applied to the bundled 2019 pack it
// adds exactly what the doc says, where it says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application } from '@/lib/application/model';
import { evaluate } from '@/lib/engine/evaluate';
import { readPackFile, bundledPackDir } from '@/lib/packs/fromDisk';
import { layersFor } from '@/lib/packs/origin';
import { parsePack } from '@/lib/packs/parsePack';
import type { RulePack } from '@/lib/packs/schema';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/packs.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Layers'), doc.indexOf('## Choices a reviewer should know'));
const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);

function bundled(id: string): RulePack {
  const loaded = readPackFile(join(bundledPackDir, `${id}.json`));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.pack;
}

describe('docs/packs.md, layers', () => {
  const [general, extension] = blocks.map((b) => {
    const parsed = parsePack(b);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.pack;
  }) as [RulePack, RulePack];
  const intl = bundled('2019-intl-1');
  const hmt = bundled('2020-hmt');
  const app = (birthDate: string) =>
    Application.parse({
      project: { startDate: '2020-01-01', endDate: '2021-12-31' },
      pi: { birthDate },
    });
  const fromLayer = (pack: RulePack, code: string, layers: RulePack[], birthDate = '1960-05-01') =>
    evaluate(pack, code, app(birthDate), undefined, layersFor(pack, code, layers)).filter(
      (f) => f.pack !== pack.id && f.pack !== 'input',
    );

  it('has the two examples, both valid packs', () => {
    expect(blocks).toHaveLength(2);
    expect([general.id, extension.id]).toEqual(['my-university-2026', 'my-university-intl']);
  });

  it('the pack-wide general condition is added to any direction of any guideline, and decides on the PI’s birth date', () => {
    for (const [pack, code] of [
      [intl, '1.7'],
      [intl, '2.5'],
      [hmt, '1.1'],
    ] as const) {
      const findings = fromLayer(pack, code, [pack, general]);
      expect(findings.map((f) => [f.ruleId, f.pack, f.status])).toEqual([
        ['my-university-2026/*/pi-born-on-or-after-1965', 'my-university-2026', 'fail'],
      ]);
    }
    expect(fromLayer(intl, '1.7', [general], '1965-01-01').map((f) => f.status)).toEqual(['pass']);
    expect(fromLayer(intl, '1.7', [general], '1964-12-31').map((f) => f.status)).toEqual(['fail']);
  });

  it('the extends example adds its rule to 2019-intl-1 1.7 only, beside the guideline’s own rules', () => {
    const findings = evaluate(intl, '1.7', app('1970-01-01'), undefined, layersFor(intl, '1.7', [extension]));
    expect(findings.filter((f) => f.pack === '2019-intl-1').length).toBe(
      intl.rules.length + intl.directions.find((d) => d.code === '1.7')!.rules.length,
    );
    expect(fromLayer(intl, '1.7', [extension]).map((f) => [f.ruleId, f.status])).toEqual([
      ['my-university-intl/2019-intl-1-1.7/agreement-filed', 'confirm'],
    ]);
    expect(fromLayer(intl, '1.6', [extension])).toEqual([]);
    expect(fromLayer(hmt, '1.1', [extension])).toEqual([]);
  });
});
