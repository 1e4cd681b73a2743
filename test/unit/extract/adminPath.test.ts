import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AdminCommand } from '@/lib/admin/command';
import type { ExtractReview } from '@/lib/extract/review';
import { FeedEntry, FeedIndex } from '@/lib/feed/feedIndex';
import type { RulePack } from '@/lib/packs/schema';
import { rulesCli } from '../support/rulesCli';

/**
 * README's path for research offices, run as written with the real CLI in a fresh folder:
 * extract → validate (lists what needs a person, exit 1) → review → validate (exit 0) → keygen → sign → publish → verify.
 */
const repo = join(import.meta.dirname, '../../..');
const home = mkdtempSync(join(tmpdir(), 'guidecheck-admin-'));

const rules = rulesCli(home);

/** The same command in this process (faster than a spawn) for the checks around the path; cwd-relative paths under `home`. */
async function inProcess(name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const command: AdminCommand = (await import(`@/lib/admin/commands/${name}.ts`)).default;
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const cwd = process.cwd();
  process.chdir(home);
  try {
    return { code: await command.run(args), stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.chdir(cwd);
    log.mockRestore();
    error.mockRestore();
  }
}

const json = <T>(path: string): T => JSON.parse(readFileSync(join(home, path), 'utf8'));

describe('admin path from README', { timeout: 300_000 }, () => {
  it('extract → validate → keygen → sign → publish → verify', async () => {
    copyFileSync(join(repo, 'test/fixtures/extract/corpus/pdf-2032.txt'), join(home, 'guideline.txt'));

    // 1. extract into a folder that does not exist yet; the id comes from the guideline's year.
    const extracted = await rules('extract', 'guideline.txt', '-o', 'draft/2032-hmt.json');
    expect(extracted.stderr).toBe('');
    expect(extracted.code).toBe(0);
    expect(extracted.stdout).toMatch(/要求句 Requirement sentences: \d+ \(编码 encoded \d+, 列出待复核 listed \d+\)/);
    const draft = json<RulePack>('draft/2032-hmt.json');
    expect(draft.id).toBe('2032');

    // 2. validate lists what still needs a person and refuses; --draft accepts the schema; the review list is named.
    const pending = await rules('validate', 'draft/2032-hmt.json');
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('仍需人工处理');
    expect(pending.stdout).toContain('[to translate]');
    expect(pending.stdout).toContain('published：发布日期仍为占位值');
    expect(pending.stdout).toMatch(/低置信度 low confidence/);
    expect((await inProcess('validate', '--draft', 'draft/2032-hmt.json')).code).toBe(0);
    const wrongFile = await inProcess('validate', 'draft/2032-hmt.review.json');
    expect(wrongFile.code).toBe(2);
    expect(wrongFile.stderr).toContain('这是提取生成的复核清单');

    // A person reviews: translations, issuer, dates, and every review item marked resolved.
    const reviewed: RulePack = {
      ...draft,
      title: { ...draft.title, en: 'Strategic S&T innovation cooperation 2032' },
      source: { ...draft.source, issuer: '科学技术部' },
      published: '2032-03-01',
      expires: '2099-12-31',
      directions: draft.directions.map((d) => ({ ...d, title: { ...d.title, en: `Direction ${d.code}` } })),
    };
    writeFileSync(join(home, 'draft/2032-hmt.json'), JSON.stringify(reviewed, null, 2));
    const review = json<ExtractReview>('draft/2032-hmt.review.json');
    for (const item of [...review.items, ...review.unmapped]) item.resolved = true;
    writeFileSync(join(home, 'draft/2032-hmt.review.json'), JSON.stringify(review, null, 2));
    const ok = await rules('validate', 'draft/2032-hmt.json');
    expect(ok.stdout + ok.stderr).not.toContain('仍需人工处理');
    expect(ok.code).toBe(0);

    // 3. keygen (outside the repository), sign (writes a file by default), publish, verify with the key string.
    const keygen = await rules('keygen');
    expect(keygen.code).toBe(0);
    const keys = join(home, '.guidecheck', 'keys');
    const privateKey = join(keys, readdirSync(keys).find((f) => f.endsWith('.private.json'))!);
    const publicKey = /publicKey: (\S+)/.exec(keygen.stdout)![1]!;

    const signed = await rules('sign', 'draft/2032-hmt.json', '--key', privateKey);
    expect(signed.code).toBe(0);
    expect(existsSync(join(home, '2032-hmt.signed.json'))).toBe(true);

    const published = await rules('publish', 'feed', '--key', privateKey, 'draft/2032-hmt.json');
    expect(published.code).toBe(0);
    const index = FeedIndex.parse(json('feed/index.json'));
    expect(index.packs).toMatchObject([{ id: '2032', version: 1 }]);

    const entry = FeedEntry.parse(index.packs[0]);
    const verified = await rules('verify', join('feed', entry.url), '--pub', publicKey);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('2032 v1');
    expect(verified.stdout).toContain(
      `签名文件 SHA-256 (of this envelope file, as index.json lists it): ${entry.sha256}`,
    );
    expect((await inProcess('verify', '2032-hmt.signed.json', '--pub', publicKey)).code).toBe(0);

    // Publishing the same version again is reported as unchanged; changed content under it is refused.
    const again = await inProcess('publish', 'feed', '--key', privateKey, 'draft/2032-hmt.json');
    expect(again.stdout).toContain('未变化 Unchanged');
    writeFileSync(
      join(home, 'draft/2032-hmt.json'),
      JSON.stringify({ ...reviewed, title: { ...reviewed.title, zh: '改过' } }),
    );
    const conflict = await inProcess('publish', 'feed', '--key', privateKey, 'draft/2032-hmt.json');
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('内容已变但版本号未提高');
  });

  it('publish refuses an expired pack unless --force; diff says two packs differ', async () => {
    const keygen = await inProcess('keygen', '--out', join(home, 'k2'));
    const privateKey = join(home, 'k2', readdirSync(join(home, 'k2')).find((f) => f.endsWith('.private.json'))!);
    expect(keygen.code).toBe(0);
    const expired = await inProcess('publish', 'feed2', '--key', privateKey, join(repo, 'rules/2020-hmt.json'));
    expect(expired.code).toBe(1);
    expect(expired.stderr).toContain('已于 2020-12-31 过期');
    expect(existsSync(join(home, 'feed2', 'index.json'))).toBe(false);
    expect(
      (await inProcess('publish', 'feed2', '--force', '--key', privateKey, join(repo, 'rules/2020-hmt.json'))).code,
    ).toBe(0);

    const a: RulePack = JSON.parse(readFileSync(join(repo, 'rules/2020-hmt.json'), 'utf8'));
    writeFileSync(
      join(home, 'b.json'),
      JSON.stringify({ ...a, directions: a.directions.map((d) => ({ ...d, durationText: '3年' })) }),
    );
    const diff = await inProcess('diff', join(repo, 'rules/2020-hmt.json'), 'b.json');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('规则相同，但规则包不同（方向信息）');
  });
});
