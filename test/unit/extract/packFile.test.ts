import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseFirst, kindOfFile, pendingReview } from '@/lib/admin/packFile';
import { extractDraft } from '@/lib/extract/extract';
import { parsePack } from '@/lib/packs/parsePack';
import type { RulePack } from '@/lib/packs/schema';

const repo = join(import.meta.dirname, '../../..');
const bundled = (name: string): RulePack => JSON.parse(readFileSync(join(repo, 'rules', name), 'utf8'));

describe('admin pack files', () => {
  it('puts the Chinese half of a pack error first', () => {
    const pack = bundled('2020-hmt.json');
    const result = parsePack({ ...pack, directions: [{ ...pack.directions[0], code: 'one' }] });
    expect(result.ok).toBe(false);
    const line = chineseFirst((result as { errors: string[] }).errors[0]!);
    expect(line).toMatch(/^directions\[0\]\.code：[^\n]*[\u4e00-\u9fff][^\n]*\n\s+\S/);
  });

  it.each([
    [{ items: [], unmapped: [], batch: {}, notes: [] }, 'x.review.json', '复核清单'],
    [{ format: 'guidecheck-signed-pack' }, 'x.json', '签名后的规则包'],
    [{ format: 'guidecheck-feed' }, 'index.json', 'index.json'],
    [{ kty: 'ed25519', kid: 'x' }, 'k.json', '密钥文件'],
  ])('names a file that is not a pack (%j)', (json, path, zh) => {
    expect(kindOfFile(json, path)?.zh).toContain(zh);
  });

  it('a reviewed pack needs nothing; a fresh draft lists placeholders and review items until resolved', () => {
    expect(pendingReview(bundled('2020-hmt.json'), join(repo, 'rules/2020-hmt.json'))).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'guidecheck-pending-'));
    const text = readFileSync(join(repo, 'test/fixtures/extract/corpus/numbered-2033.txt'), 'utf8');
    const { pack, review } = extractDraft(text, { today: '2033-01-10' });
    writeFileSync(join(dir, 'd.review.json'), JSON.stringify(review));
    const pending = pendingReview(pack, join(dir, 'd.json'));
    expect(pending).toContain('expires：有效期仍为占位值 still the placeholder 2034-01-10');
    expect(pending.some((p) => p.startsWith('directions[0].title.en：'))).toBe(true);
    expect(pending.some((p) => p.includes('not encoded (encouragement)'))).toBe(true);

    for (const entry of [...review.items, ...review.unmapped]) entry.resolved = true;
    writeFileSync(join(dir, 'd.review.json'), JSON.stringify(review));
    const fixed: RulePack = {
      ...pack,
      title: { ...pack.title, en: 'Intl 2033' },
      source: { ...pack.source, issuer: '科学技术部' },
      published: '2033-02-01',
      expires: '2034-12-31',
      directions: pack.directions.map((d) => ({ ...d, title: { ...d.title, en: d.code } })),
    };
    expect(pendingReview(fixed, join(dir, 'd.json'))).toEqual([]);
  });
});
