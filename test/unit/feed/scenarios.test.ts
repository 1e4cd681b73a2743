// The operations an institution really performs (rotating keys, answering a stolen key, publishing a
// broken pack), each reproduced as issue 13 found it, with the fixed behaviour asserted.
import { beforeAll, describe, expect, it } from 'vitest';
import { webcryptoEd25519 } from '@/lib/feed/crypto';
import { serializeEnvelope } from '@/lib/feed/envelope';
import { acceptKeyList, signKeyList, type KeyList } from '@/lib/feed/keys';
import { parsePolicy } from '@/lib/feed/policy';
import { createUpdater, type FeedStore, type Subscription } from '@/lib/feed/updater';
import { FEED, fixtureText, host, memoryStore, packVariant, testKey, validatePack, type TestKey } from './helpers';

const NOW = new Date('2026-03-01T00:00:00Z');
const v1 = fixtureText('pack-v1.json');
let A: TestKey, B: TestKey, C: TestKey;
beforeAll(async () => {
  [A, B, C] = await Promise.all([testKey(51), testKey(52), testKey(53)]);
});

function updater(h: ReturnType<typeof host>, store: FeedStore, sub: Partial<Subscription> = {}, now = NOW) {
  return createUpdater({
    subscription: { feedUrl: FEED, trustedKeys: [A.trusted], threshold: 1, name: '科研处', source: 'policy', ...sub },
    fetch: h.fetch,
    store,
    validatePack,
    now: () => now,
    impl: webcryptoEd25519,
  });
}

const keyList = async (list: KeyList, signers: TestKey[]) =>
  serializeEnvelope(
    await signKeyList(
      webcryptoEd25519,
      list,
      signers.map((k) => k.signing),
    ),
  );

const inUse = async (u: ReturnType<typeof updater>) =>
  (await u.currentPacks([])).packs.map((p) => `${p.pack.id}@${p.pack.version}:${p.source}`);

describe('1. key rotation as docs/admin.md §5 says keeps serving', () => {
  it('re-signed packs at the same version replace the stored ones; two restarts later the pack is still in use', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A]);
    expect((await updater(h, mem.store).checkFeed()).accepted).toHaveLength(1);

    // Rotate A → B: the key list signed by the old and the new key, every pack re-signed by B, same version.
    const list = await keyList({ seq: 1, threshold: 1, keys: [B.trusted] }, [A, B]);
    await h.publish([v1], [B], { text: list, seq: 1 });
    const rotated = await updater(h, mem.store).checkFeed();
    // Before: "already-have" (old envelope kept), then deleted at the next start, then "rollback".
    expect(rotated).toMatchObject({ rotatedKeys: 1, resigned: ['test-2020-hmt'], refused: [], accepted: [] });
    for (const restart of [1, 2]) {
      const u = updater(h, mem.store);
      expect(await u.reverifyStored(), `restart ${restart}`).toEqual({ verified: ['test-2020-hmt'], failed: [] });
      expect(await inUse(u)).toEqual(['test-2020-hmt@1:feed']);
    }
  });

  it('a restart between the key list and the re-signed packs loses nothing: the next check brings the replacement', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A]);
    await updater(h, mem.store).checkFeed();
    // The admin uploads keys.json first; the packs on the host are still the ones signed by A.
    const list = await keyList({ seq: 1, threshold: 1, keys: [B.trusted] }, [A, B]);
    const files = await h.publish([v1], [A], { text: list, seq: 1 });
    expect(files.get('keys.json')).toBe(list);
    expect((await updater(h, mem.store).checkFeed()).rotatedKeys).toBe(1);

    const restarted = updater(h, mem.store);
    const { failed } = await restarted.reverifyStored();
    expect(failed).toMatchObject([{ packId: 'test-2020-hmt', reason: 'signature' }]);
    // The copy that no longer verifies is kept (unused) until a replacement arrives.
    expect(mem.peek().packs['test-2020-hmt']?.version).toBe(1);

    await h.publish([v1], [B], { text: list, seq: 1 });
    const check = await restarted.checkFeed();
    expect(check.refused).toEqual([]); // before: rollback
    expect(check.resigned).toEqual(['test-2020-hmt']);
    expect(await inUse(updater(h, mem.store))).toEqual(['test-2020-hmt@1:feed']);
  });

  it('a copy that stops verifying falls back to the previous stored version, not to nothing', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A]);
    await updater(h, mem.store).checkFeed();
    await h.publish([packVariant((p) => (p.version = 2))], [A]);
    await updater(h, mem.store).checkFeed();
    const state = mem.peek();
    state.packs['test-2020-hmt']!.envelope = state.packs['test-2020-hmt']!.envelope.replace(/"sig": "./, '"sig": "A');
    const tampered = memoryStore(state);
    expect(await inUse(updater(host(), tampered.store))).toEqual(['test-2020-hmt@1:feed']);
  });

  it('the same version with other content is still refused after a rotation', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A]);
    await updater(h, mem.store).checkFeed();
    const list = await keyList({ seq: 1, threshold: 1, keys: [B.trusted] }, [A, B]);
    await h.publish([packVariant((p) => (p.title = { zh: '改', en: 'Changed' }))], [B], { text: list, seq: 1 });
    expect((await updater(h, mem.store).checkFeed()).refused).toMatchObject([{ reason: 'version-conflict' }]);
  });
});

describe('3. thresholds that mean something', () => {
  it('raising the policy threshold after a key is stolen takes effect over a rotated key list', async () => {
    const h = host();
    const mem = memoryStore();
    const list = await keyList({ seq: 1, threshold: 1, keys: [A.trusted, C.trusted] }, [A, C]);
    await h.publish([v1], [A], { text: list, seq: 1 });
    expect((await updater(h, mem.store).checkFeed()).rotatedKeys).toBe(1);
    // C is stolen; the institution sets threshold 2 in the policy. The thief publishes v2 signed by C alone.
    await h.publish([packVariant((p) => (p.version = 2))], [C], { text: list, seq: 1 });
    const stolen = await updater(h, mem.store, { threshold: 2 }).checkFeed();
    // Before: accepted (the key list's threshold 1 replaced the policy's 2).
    // The index timestamp the thief signed counts for nothing either.
    expect(stolen.refused).toMatchObject([
      { packId: 'test-2020-hmt', reason: 'signature' },
      { packId: '(timestamp)', reason: 'timestamp' },
    ]);
    expect(stolen.refused[0]!.message.en).toMatch(/valid signatures by 2 trusted keys needed, 1 found/);
    await h.publish([packVariant((p) => (p.version = 2))], [A, C], { text: list, seq: 1 });
    expect((await updater(h, mem.store, { threshold: 2 }).checkFeed()).accepted).toHaveLength(1);
  });

  it('a new key list must meet its own threshold: {A,C} → {A,C,B} with k = 3 is refused with 2 signatures', async () => {
    const next: KeyList = { seq: 2, threshold: 3, keys: [A.trusted, C.trusted, B.trusted] };
    const opts = { trustedKeys: [A.trusted, C.trusted], threshold: 1, lastSeq: 1, impl: webcryptoEd25519 };
    // Before: accepted (A for the current list, B proving the new key; nobody checked k = 3).
    expect(await acceptKeyList(await keyList(next, [A, B]), opts)).toMatchObject({
      ok: false,
      reason: 'key-list',
      message: { en: expect.stringMatching(/signed by 2 of its own keys, its threshold is 3/) },
    });
    expect(await acceptKeyList(await keyList(next, [A, B, C]), opts)).toMatchObject({ ok: true });
  });

  it('the current list’s threshold is required of the next list: k = 2 current keys, not 1', async () => {
    const next: KeyList = { seq: 2, threshold: 1, keys: [B.trusted] };
    const opts = { trustedKeys: [A.trusted, C.trusted], threshold: 2, lastSeq: 1, impl: webcryptoEd25519 };
    expect(await acceptKeyList(await keyList(next, [A, B]), opts)).toMatchObject({ ok: false, reason: 'signature' });
    expect(await acceptKeyList(await keyList(next, [A, C, B]), opts)).toMatchObject({ ok: true });
  });

  it('duplicate keys and thresholds above the distinct keys are refused in key lists and policies', async () => {
    const dup: KeyList = { seq: 2, threshold: 2, keys: [B.trusted, B.trusted] };
    expect(
      await acceptKeyList(await keyList(dup, [A, B]), {
        trustedKeys: [A.trusted],
        threshold: 1,
        lastSeq: 1,
        impl: webcryptoEd25519,
      }),
    ).toMatchObject({ ok: false, reason: 'key-list', message: { en: expect.stringMatching(/keys\.1: .*duplicate/) } });
    // Before: accepted, then every pack refused (one key cannot make two signatures).
    const policy = parsePolicy({
      feeds: [{ url: FEED, keys: [A.trusted.publicKey, A.trusted.publicKey], threshold: 2 }],
    });
    expect(policy).toMatchObject({
      ok: false,
      errors: [
        expect.stringMatching(/^feeds\.0\.keys\.1: 与第 1 个公钥重复/),
        expect.stringMatching(/^feeds\.0\.threshold: 所需签名数 2 大于不同公钥数 1/),
      ],
    });
  });

  it('identity, small-order and non-canonical public keys are refused in policies and key lists', async () => {
    const identity = 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const order2 = '7P_______________________________________38'; // y = p − 1: a point of order 2
    const nonCanonical = '7v_______________________________________38';
    for (const [key, why] of [
      [identity, /弱公钥/],
      [order2, /弱公钥|不是规范编码/],
      [nonCanonical, /不是规范编码/],
    ] as const) {
      const parsed = parsePolicy({ feeds: [{ url: FEED, keys: [key] }] });
      expect(parsed.ok ? 'accepted' : parsed.errors.join('\n'), key).toMatch(why);
    }
    const weak = await keyList({ seq: 2, threshold: 1, keys: [{ kid: '0000000000000000', publicKey: identity }] }, [A]);
    expect(
      await acceptKeyList(weak, { trustedKeys: [A.trusted], threshold: 1, lastSeq: 1, impl: webcryptoEd25519 }),
    ).toMatchObject({ ok: false, reason: 'key-list', message: { en: expect.stringMatching(/weak public key/) } });
  });
});

describe('4. refuse, never throw', () => {
  const deep = (levels: number) => {
    let when: unknown = { field: 'project.duration', op: 'lte', value: 3 };
    for (let i = 0; i < levels; i++) when = { all: [when] };
    return when;
  };

  it('a signed pack nested 750 levels deep is refused by the depth limit; the next pack is still checked', async () => {
    const h = host();
    const mem = memoryStore();
    const nested = JSON.stringify(
      JSON.parse(
        packVariant((p) => {
          const d = (p.directions as { rules: Record<string, unknown>[] }[])[0]!;
          d.rules[0]!.when = deep(750);
        }),
      ),
    );
    const other = packVariant((p) => (p.id = 'test-other'));
    await h.publish([nested, other], [A]);
    const result = await updater(h, mem.store).checkFeed();
    // Before: validation threw, the loop aborted, nothing was recorded.
    expect(result.refused).toMatchObject([
      { packId: 'test-2020-hmt', reason: 'limits', message: { en: expect.stringMatching(/nested deeper than 32/) } },
    ]);
    expect(result.accepted.map((a) => a.packId)).toEqual(['test-other']);
    expect(mem.peek().lastError?.en).toMatch(/structure limits/);
  });

  it('huge strings are refused before the schema', async () => {
    const h = host();
    await h.publish([packVariant((p) => (p.title = { zh: '长'.repeat(20_000), en: 'long' }))], [A]);
    const result = await updater(h, memoryStore().store).checkFeed();
    expect(result.refused).toMatchObject([
      { reason: 'limits', message: { en: expect.stringMatching(/title\.zh: .*string longer than 10000/) } },
    ]);
  });

  it('a validator or store that throws is recorded as an error, and the rules in use stay', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A]);
    await updater(h, mem.store).checkFeed();
    await h.publish([packVariant((p) => (p.version = 2))], [A]);
    const throwing = createUpdater({
      subscription: { feedUrl: FEED, trustedKeys: [A.trusted], threshold: 1, name: 'x', source: 'policy' },
      fetch: h.fetch,
      store: mem.store,
      validatePack: (json) => {
        if ((json as { version: number }).version === 2) throw new RangeError('Maximum call stack size exceeded');
        return validatePack(json);
      },
      now: () => NOW,
    });
    const result = await throwing.checkFeed();
    expect(result.refused).toMatchObject([{ reason: 'schema', message: { en: expect.stringMatching(/call stack/) } }]);
    expect(await inUse(throwing)).toEqual(['test-2020-hmt@1:feed']);

    const broken = createUpdater({
      subscription: { feedUrl: FEED, trustedKeys: [A.trusted], threshold: 1, name: 'x', source: 'policy' },
      fetch: h.fetch,
      store: {
        get: async () => {
          throw new Error('storage unavailable');
        },
        put: async () => undefined,
      },
      validatePack,
      now: () => NOW,
    });
    expect(await broken.checkFeed()).toMatchObject({ ok: false, error: { reason: 'internal' } });
    expect((await broken.currentPacks([])).packs).toEqual([]);
  });
});

describe('5. freshness: a signed timestamp in index.json', () => {
  it('a stale mirror serving last month’s folder is reported stale; a fresh one is not', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A], undefined, new Date('2026-01-20T00:00:00Z'));
    const u = updater(h, mem.store);
    const result = await u.checkFeed();
    expect(result.refused).toEqual([]);
    // Before: "ok", nothing said.
    expect(await u.freshness()).toEqual({ freshAt: '2026-01-20T00:00:00.000Z', stale: true, days: 14 });
    await h.publish([v1], [A], undefined, new Date('2026-02-27T00:00:00Z'));
    await u.checkFeed();
    expect(await u.freshness()).toMatchObject({ stale: false });
    // A policy may ask for more (or less) than 14 days.
    expect(await updater(h, mem.store, { staleDays: 1 }).freshness()).toMatchObject({ stale: true, days: 1 });
  });

  it('a timestamp later than now + clock skew is refused and not recorded; an unsigned one is ignored', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A], undefined, new Date(NOW.getTime() + 2 * 3600_000));
    const result = await updater(h, mem.store).checkFeed();
    expect(result.refused).toMatchObject([{ packId: '(timestamp)', reason: 'timestamp' }]);
    expect(mem.peek().freshAt).toBeUndefined();
    // Within the skew: accepted.
    await h.publish([v1], [A], undefined, new Date(NOW.getTime() + 30 * 60_000));
    expect((await updater(h, mem.store).checkFeed()).refused).toEqual([]);
    expect(mem.peek().freshAt).toBe('2026-03-01T00:30:00.000Z');
    // Signed by a key the feed does not trust: refused, the recorded time stays.
    await h.publish([v1], [C], undefined, new Date('2026-03-01T00:45:00Z'));
    expect((await updater(h, mem.store).checkFeed()).refused.map((r) => r.reason)).toContain('timestamp');
    expect(mem.peek().freshAt).toBe('2026-03-01T00:30:00.000Z');
  });

  it('a feed that never sends a timestamp goes stale N days after it was first checked', async () => {
    const h = host();
    const mem = memoryStore();
    await h.publish([v1], [A]);
    const index = JSON.parse(h.files().get('index.json')!);
    delete index.timestamp;
    h.set('index.json', JSON.stringify(index));
    await updater(h, mem.store).checkFeed();
    expect(await updater(h, mem.store).freshness()).toMatchObject({ stale: false });
    const later = updater(h, mem.store, {}, new Date('2026-03-20T00:00:00Z'));
    expect(await later.freshness()).toMatchObject({ stale: true });
  });
});
