import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addsTo, indexEntry, layersFor, outlineOf } from '@/lib/packs/origin';
import { bundledPackDir, loadPackDir, readPackFile } from '@/lib/packs/fromDisk';
import type { RulePack } from '@/lib/packs/schema';

const { packs: bundled } = loadPackDir(bundledPackDir);
const loaded = readPackFile(join(bundledPackDir, 'examples', 'institution-2026.json'));
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const institution = loaded.pack;
const ruleIds = (p: RulePack) =>
  [
    ...p.rules,
    ...p.directions.flatMap((d) => d.rules),
    ...(p.extends ?? []).flatMap((e) => e.directions.flatMap((d) => d.rules)),
  ].map((r) => r.id);

describe('the getPacks index', () => {
  test.each([...bundled, institution].map((p) => [p.id, p] as const))('%s: summary and outline, no rule', (_, p) => {
    const entry = indexEntry({
      pack: p,
      origin: 'bundled',
      sourceName: 'b',
      expired: false,
      stale: false,
      staleDays: 0,
    });
    expect(entry.summary).toMatchObject({ id: p.id, version: p.version, title: p.title, expires: p.expires });
    expect(entry.outline.directions).toEqual(p.directions.map((d) => ({ code: d.code, title: d.title })));
    expect(entry.outline.source.year).toBe(p.source.year);
    const text = JSON.stringify(entry);
    expect(ruleIds(p).length).toBeGreaterThan(0);
    for (const id of ruleIds(p)) expect(text).not.toContain(id);
  });

  test('the outline tells the same layers as the whole packs, for every direction', () => {
    const active = [...bundled, institution];
    expect(institution.extends?.length).toBeGreaterThan(0);
    for (const guideline of bundled)
      for (const { code } of guideline.directions) {
        const byOutline = active.map(outlineOf).filter((o) => addsTo(o, guideline.id, code));
        expect(byOutline.map((o) => o.id)).toEqual(layersFor(guideline, code, active).map((p) => p.id));
      }
    // The institution's general conditions apply to every direction: it adds to each.
    expect(layersFor(bundled[0]!, bundled[0]!.directions[0]!.code, active).map((p) => p.id)).toContain(institution.id);
  });
});
