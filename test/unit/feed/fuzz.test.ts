import { beforeAll, describe, expect, it } from 'vitest';
import { acceptEnvelope, type AcceptOptions } from '@/lib/feed/accept';
import { fromBase64Url, toBase64Url, utf8 } from '@/lib/feed/encoding';
import type { RulePack } from '@/lib/packs/schema';
import { prng } from '../../fuzz/prng';
import { fixtureText, sealText, testKey, validatePack, type TestKey } from './helpers';

const CASES = 12_000;
const MAX = 32 * 1024;
let a: TestKey, b: TestKey, stranger: TestKey;
let one: string, two: string, other: string, otherHeader: string;
const v1 = fixtureText('pack-v1.json');
const v2 = fixtureText('pack-v2.json');

beforeAll(async () => {
  [a, b, stranger] = await Promise.all([testKey(31), testKey(32), testKey(33)]);
  one = await sealText(v1, [a]);
  two = await sealText(v1, [a, b]);
  other = await sealText(v2, [a, b]);
  otherHeader = await sealText(v1, [a, b], { expires: '2098-01-01' });
});

const opts = (threshold: number): AcceptOptions<RulePack> => ({
  trustedKeys: [a.trusted, b.trusted],
  threshold,
  maxBytes: MAX,
  now: new Date('2026-03-01T00:00:00Z'),
  highWater: () => undefined,
  knownDigest: () => undefined,
  validatePack,
});

type Mutation = (r: ReturnType<typeof prng>) => Promise<{ input: string | Uint8Array; threshold: number }>;

function flipBits(text: string, r: ReturnType<typeof prng>): Uint8Array {
  const bytes = utf8(text).slice();
  for (let i = 0, n = 1 + r.int(3); i < n; i++) bytes[r.int(bytes.length)]! ^= 1 << r.int(8);
  return bytes;
}

function mutateValue(value: unknown, r: ReturnType<typeof prng>): unknown {
  return r.pick([null, 0, -1, 2, 99, '', 'x', '2019-01-01', 'other-pack', [], {}, true, `${String(value)}x`]);
}

const mutations: Record<string, Mutation> = {
  'bit flips (k = 1)': async (r) => ({ input: flipBits(one, r), threshold: 1 }),
  'bit flips (k = 2)': async (r) => ({ input: flipBits(two, r), threshold: 2 }),
  truncation: async (r) => {
    const base = r.pick([one, two]);
    return { input: base.slice(0, r.int(base.trimEnd().length)), threshold: 1 };
  },
  'field edits': async (r) => {
    const env = JSON.parse(r.pick([one, two]));
    const field = r.pick(['format', 'version', 'packId', 'packVersion', 'expires', 'payload', 'signatures']);
    env[field] = mutateValue(env[field], r);
    return { input: JSON.stringify(env), threshold: 1 };
  },
  'replayed signatures': async (r) => {
    // Valid signatures by trusted keys, but over another pack or the same payload under another header.
    const env = JSON.parse(r.pick([one, two]));
    const donors = JSON.parse(r.pick([other, otherHeader])).signatures;
    env.signatures = r.next() < 0.5 ? donors : [donors[r.int(donors.length)]];
    return { input: JSON.stringify(env), threshold: 1 };
  },
  'swapped headers': async (r) => {
    const env = JSON.parse(one);
    const donor = JSON.parse(other);
    const field = r.pick(['packId', 'packVersion', 'expires', 'payload'] as const);
    env[field] = {
      packId: 'test-2019-intl',
      packVersion: donor.packVersion,
      expires: '2098-01-01',
      payload: donor.payload,
    }[field];
    return { input: JSON.stringify(env), threshold: 1 };
  },
  'payload bytes changed, signature kept': async (r) => {
    const env = JSON.parse(one);
    const payload = fromBase64Url(env.payload)!.slice();
    payload[r.int(payload.length)]! ^= 1 + r.int(255);
    env.payload = toBase64Url(payload);
    return { input: JSON.stringify(env), threshold: 1 };
  },
  'random signature under a trusted kid': async (r) => {
    const env = JSON.parse(one);
    env.signatures[0].sig = toBase64Url(Uint8Array.from({ length: r.pick([63, 64, 64, 65]) }, () => r.int(256)));
    return { input: JSON.stringify(env), threshold: 1 };
  },
  'one key signing twice for k = 2': async () => ({ input: await sealText(v1, [a, a]), threshold: 2 }),
  'mutated pack signed by an untrusted key': async (r) => {
    const pack = JSON.parse(v1);
    const field = r.pick(['id', 'version', 'expires', 'title', 'directions', 'published']);
    if (r.next() < 0.5) pack[field] = mutateValue(pack[field], r);
    return { input: await sealText(JSON.stringify(pack), [stranger]), threshold: 1 };
  },
  oversized: async (r) => ({ input: one + ' '.repeat(MAX - one.length + 1 + r.int(1000)), threshold: 1 }),
  html: async (r) => ({
    input:
      r.pick(['', ' ', '\n', '\uFEFF']) +
      r.pick(['<!DOCTYPE html>', '<html>', '<HTML lang="zh">', '<?xml version="1.0"?>', '<body>登录']) +
      one,
    threshold: 1,
  }),
  empty: async (r) => ({ input: r.pick(['', ' ', '\n\n', '\t \r\n', '\uFEFF', new Uint8Array(0)]), threshold: 1 }),
  'random bytes': async (r) => ({ input: Uint8Array.from({ length: r.int(300) }, () => r.int(256)), threshold: 1 }),
};

describe('fuzz: mutated envelopes and packs', () => {
  it('the unmutated envelopes are accepted (so the fuzz can tell accepted from refused)', async () => {
    expect((await acceptEnvelope(one, opts(1))).ok).toBe(true);
    expect((await acceptEnvelope(two, opts(2))).ok).toBe(true);
  });

  it(`${CASES} seeded mutations: none accepted, none throws`, { timeout: 120_000 }, async () => {
    const r = prng(20260301);
    const names = Object.keys(mutations);
    const accepted: string[] = [];
    const thrown: string[] = [];
    const reasons = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const name = names[i % names.length]!;
      const { input, threshold } = await mutations[name]!(r);
      const unchanged =
        typeof input === 'string'
          ? input === one || input === two
          : [one, two].some((t) => Buffer.from(input).equals(Buffer.from(utf8(t))));
      if (unchanged) continue;
      try {
        const result = await acceptEnvelope(input, opts(threshold));
        if (result.ok) accepted.push(`${i} ${name}`);
        else reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
      } catch (error) {
        thrown.push(`${i} ${name}: ${(error as Error).message}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(thrown).toEqual([]);
    const refused = [...reasons.values()].reduce((x, y) => x + y, 0);
    expect(refused).toBeGreaterThanOrEqual(10_000);
    // Every kind of defence was exercised.
    for (const reason of ['too-large', 'empty', 'html', 'malformed', 'signature'])
      expect(reasons.get(reason) ?? 0).toBeGreaterThan(0);
  });
});
