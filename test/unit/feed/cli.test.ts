import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FeedEntry, FeedIndex } from '@/lib/feed/feedIndex';
import { rulesCli } from '../support/rulesCli';
import { fixtures } from './helpers';

const repo = join(import.meta.dirname, '..', '..', '..');
const home = mkdtempSync(join(tmpdir(), 'guidecheck-cli-'));

const rules = rulesCli(home);

let privateKey = '';
let publicKey = '';

beforeAll(async () => {
  const result = await rules('keygen');
  expect(result.code).toBe(0);
  const dir = join(home, '.guidecheck', 'keys');
  privateKey = join(dir, readdirSync(dir).find((f) => f.endsWith('.private.json'))!);
  publicKey = join(dir, readdirSync(dir).find((f) => f.endsWith('.public.json'))!);
}, 60_000);

describe('admin CLI (spawned)', { timeout: 60_000 }, () => {
  it('keygen writes the key pair under ~/.guidecheck/keys, private key readable by the owner only', () => {
    expect(statSync(privateKey).mode & 0o077).toBe(0);
    const pub = JSON.parse(readFileSync(publicKey, 'utf8'));
    expect(pub).toEqual({
      kty: 'ed25519',
      kid: expect.stringMatching(/^[0-9a-f]{16}$/),
      publicKey: expect.any(String),
    });
  });

  it('keygen refuses a folder inside the git work tree (exit 2)', async () => {
    const target = join(repo, 'test', 'fixtures', 'feed', 'never-keys');
    const result = await rules('keygen', '--out', target);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('拒绝');
    expect(existsSync(target)).toBe(false);
  });

  it('sign then verify succeeds; a tampered envelope fails with exit 1', async () => {
    const envelope = join(home, 'env.json');
    expect((await rules('sign', join(fixtures, 'pack-v1.json'), '--key', privateKey, '-o', envelope)).code).toBe(0);
    const ok = await rules('verify', envelope, '--pub', publicKey);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('test-2020-hmt v1');

    const env = JSON.parse(readFileSync(envelope, 'utf8'));
    env.payload = env.payload.slice(0, 40) + (env.payload[40] === 'A' ? 'B' : 'A') + env.payload.slice(41);
    writeFileSync(join(home, 'tampered.json'), JSON.stringify(env));
    const bad = await rules('verify', join(home, 'tampered.json'), '--pub', publicKey);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('签名验证失败');
    expect(bad.stderr).toContain('Signature check failed');
  });

  it('sign refuses an invalid pack and a public key file (exit 2)', async () => {
    writeFileSync(join(home, 'broken.json'), JSON.stringify({ schema: 1, id: 'x' }));
    const broken = await rules('sign', join(home, 'broken.json'), '--key', privateKey);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('不是有效的规则包');
    expect((await rules('sign', join(fixtures, 'pack-v1.json'), '--key', publicKey)).code).toBe(2);
  });

  it('diff lists added, changed and removed rule ids', async () => {
    const result = await rules('diff', join(fixtures, 'pack-v1.json'), join(fixtures, 'pack-v2.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+ test-2020-hmt/1.1/same-title');
    expect(result.stdout).toContain('~ test-2020-hmt/1.1/both-sides-apply');
    expect(result.stdout).toContain('- test-2020-hmt/1.1/agreement-ip');
  });

  it('publish writes index.json and the signed envelopes it lists', async () => {
    const out = join(home, 'feed');
    const result = await rules('publish', out, '--key', privateKey, join(fixtures, 'pack-v2.json'));
    expect(result.code).toBe(0);
    const index = FeedIndex.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
    expect(index.packs).toMatchObject([{ id: 'test-2020-hmt', version: 2, url: 'packs/test-2020-hmt-2.json' }]);
    const verified = await rules('verify', join(out, FeedEntry.parse(index.packs[0]).url), '--pub', publicKey);
    expect(verified.code).toBe(0);
  });
});
