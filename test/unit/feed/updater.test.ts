import { beforeAll, describe, expect, it, vi } from 'vitest';
import { webcryptoEd25519 } from '@/lib/feed/crypto';
import { serializeEnvelope } from '@/lib/feed/envelope';
import type { FetchFn } from '@/lib/feed/fetch';
import { signKeyList } from '@/lib/feed/keys';
import {
  createUpdater,
  type FeedState,
  type FeedStore,
  type VerifiedCache,
  type VerifiedRecord,
} from '@/lib/feed/updater';
import { parsePack } from '@/lib/packs/parsePack';
import type { RulePack } from '@/lib/packs/schema';
import { FEED, fixtureText, host, memoryStore, packVariant, testKey, validatePack, type TestKey } from './helpers';
const v1 = fixtureText('pack-v1.json');
const v2 = fixtureText('pack-v2.json');
let key: TestKey, other: TestKey;
beforeAll(async () => {
  [key, other] = await Promise.all([testKey(21), testKey(22)]);
});

function updater(h: ReturnType<typeof host>, store: FeedStore, trusted = () => [key.trusted]) {
  return createUpdater({
    subscription: { feedUrl: FEED, trustedKeys: trusted(), threshold: 1, name: 'Test office', source: 'user' },
    fetch: h.fetch,
    store,
    validatePack,
    now: () => new Date('2026-03-01T00:00:00Z'),
  });
}

/** The stored state with one flipped character in the stored envelope's first signature. */
function withTamperedSignature(state: FeedState): FeedState {
  const env = JSON.parse(state.packs['test-2020-hmt']!.envelope);
  env.signatures[0].sig = env.signatures[0].sig.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
  return {
    ...state,
    packs: { 'test-2020-hmt': { ...state.packs['test-2020-hmt']!, envelope: serializeEnvelope(env) } },
  };
}

const bundledV1 = () => (parsePack(JSON.parse(v1)) as { ok: true; pack: RulePack }).pack;

describe('updater', () => {
  it('accepts a new pack, records the high-water mark in one put, and reports the diff', async () => {
    const h = host();
    await h.publish([v1], [key]);
    const mem = memoryStore();
    const u = updater(h, mem.store);
    const first = await u.checkFeed();
    expect(first.accepted).toEqual([
      { packId: 'test-2020-hmt', from: undefined, to: 1, diff: { added: expect.any(Array), changed: [], removed: [] } },
    ]);
    expect(mem.puts).toHaveLength(1);
    expect(mem.peek().highWater).toEqual({ 'test-2020-hmt': 1 });

    await h.publish([v2], [key]);
    const second = await u.checkFeed();
    expect(second.accepted[0]).toMatchObject({
      from: 1,
      to: 2,
      diff: {
        added: ['test-2020-hmt/1.1/same-title'],
        changed: ['test-2020-hmt/1.1/both-sides-apply'],
        removed: ['test-2020-hmt/1.1/agreement-ip'],
      },
    });
    expect(mem.peek().highWater['test-2020-hmt']).toBe(2);
    expect(second.refused).toEqual([]);
  });

  it('does not download an envelope whose index entry is unchanged', async () => {
    const h = host();
    await h.publish([v1], [key]);
    const u = updater(h, memoryStore().store);
    await u.checkFeed();
    h.requests.length = 0;
    const again = await u.checkFeed();
    expect(again.unchanged).toEqual(['test-2020-hmt']);
    expect(h.requests).toEqual([FEED]);
  });

  it('refuses a rollback to an older version and keeps the newer one in use', async () => {
    const h = host();
    await h.publish([v2], [key]);
    const u = updater(h, memoryStore().store);
    await u.checkFeed();
    await h.publish([v1], [key]);
    const result = await u.checkFeed();
    expect(result.refused).toMatchObject([{ packId: 'test-2020-hmt', reason: 'rollback' }]);
    const { packs } = await u.currentPacks([bundledV1()]);
    expect(packs).toMatchObject([{ source: 'feed', pack: { version: 2 } }]);
  });

  it('refuses a file that differs from its index entry', async () => {
    const h = host();
    const files = await h.publish([v1], [key]);
    h.set('packs/test-2020-hmt-1.json', `${files.get('packs/test-2020-hmt-1.json')} `);
    const result = await updater(h, memoryStore().store).checkFeed();
    expect(result.refused).toMatchObject([{ reason: 'index-mismatch' }]);
  });

  it('records an unreachable or HTML index as the last error and changes nothing else', async () => {
    const h = host();
    h.set('index.json', '<!doctype html><title>统一身份认证</title>');
    const mem = memoryStore();
    const result = await updater(h, mem.store).checkFeed();
    expect(result).toMatchObject({ ok: false, error: { reason: 'html' } });
    expect(mem.peek()).toMatchObject({ packs: {}, lastError: { zh: expect.stringContaining('网页') } });
  });

  it('an expired pack is refused; the last good one stays in use', async () => {
    const h = host();
    await h.publish([v1], [key]);
    const u = updater(h, memoryStore().store);
    await u.checkFeed();
    await h.publish([packVariant((p) => Object.assign(p, { version: 3, expires: '2026-01-31' }))], [key]);
    const result = await u.checkFeed();
    expect(result.refused).toMatchObject([
      { reason: 'expired', message: { zh: expect.stringContaining('规则已过期') } },
    ]);
    expect((await u.currentPacks([])).packs).toMatchObject([{ source: 'feed', pack: { version: 1 }, expired: false }]);
  });

  it('re-verifies stored envelopes at start; a tampered one falls back to the bundled pack', async () => {
    const h = host();
    await h.publish([v2], [key]);
    const mem = memoryStore();
    await updater(h, mem.store).checkFeed();
    const state = mem.peek();
    const tampered = memoryStore(withTamperedSignature(state));
    const restarted = updater(h, tampered.store);
    const { failed } = await restarted.reverifyStored();
    expect(failed).toMatchObject([{ packId: 'test-2020-hmt', reason: 'signature' }]);
    expect((await restarted.currentPacks([bundledV1()])).packs).toMatchObject([
      { source: 'bundled', pack: { version: 1 } },
    ]);
    // The high-water mark survives: the feed's older v1 cannot come back through the feed.
    expect(tampered.peek().highWater['test-2020-hmt']).toBe(2);
  });

  describe('a worker restart in the same browser session', () => {
    /** storage.session as the updater sees it: one record per feed, kept in memory across worker restarts */
    function sessionCache() {
      let record: unknown;
      const cache: VerifiedCache = {
        get: async () => structuredClone(record),
        put: async (next: VerifiedRecord) => {
          record = structuredClone(next);
        },
      };
      return { cache, peek: () => record as VerifiedRecord | undefined };
    }
    function restart(h: ReturnType<typeof host>, store: FeedStore, cache: VerifiedCache, trusted = [key.trusted]) {
      const validate = vi.fn(validatePack);
      const u = createUpdater({
        subscription: { feedUrl: FEED, trustedKeys: trusted, threshold: 1, name: 'Test office', source: 'user' },
        fetch: h.fetch,
        store,
        validatePack: validate,
        verified: cache,
        now: () => new Date('2026-03-01T00:00:00Z'),
      });
      return { u, validate };
    }
    async function accepted() {
      const h = host();
      await h.publish([v2], [key]);
      const mem = memoryStore();
      const session = sessionCache();
      const first = restart(h, mem.store, session.cache);
      expect((await first.u.checkFeed()).accepted).toHaveLength(1);
      // Verified once, on download; the session now remembers what it verified.
      expect(first.validate).toHaveBeenCalledTimes(1);
      expect(Object.keys(session.peek() ?? {})).toEqual(['test-2020-hmt']);
      return { h, mem, session };
    }

    it('uses the copy verified on download without verifying it again', async () => {
      const { h, mem, session } = await accepted();
      const { u, validate } = restart(h, mem.store, session.cache);
      expect(await u.reverifyStored()).toEqual({ verified: ['test-2020-hmt'], failed: [] });
      expect(validate).not.toHaveBeenCalled();
      expect((await u.currentPacks([bundledV1()])).packs).toMatchObject([{ source: 'feed', pack: { version: 2 } }]);
    });

    it('verifies a stored copy whose bytes changed since, refuses it and reports it, never trusting the record', async () => {
      const { h, mem, session } = await accepted();
      const state = mem.peek();
      const tampered = memoryStore(withTamperedSignature(state));
      const { u } = restart(h, tampered.store, session.cache);
      const { failed } = await u.reverifyStored();
      expect(failed).toMatchObject([{ packId: 'test-2020-hmt', reason: 'signature' }]);
      expect((await u.currentPacks([bundledV1()])).packs).toMatchObject([{ source: 'bundled', pack: { version: 1 } }]);
      expect(tampered.peek().lastError).toEqual(failed[0]!.message);
      // The record no longer vouches for the pack.
      expect(session.peek()).toEqual({});
    });

    it('verifies again when the keys in force changed (a key removed by the institution)', async () => {
      const { h, mem, session } = await accepted();
      const { u, validate } = restart(h, mem.store, session.cache, [other.trusted]);
      const { failed } = await u.reverifyStored();
      expect(failed).toMatchObject([{ packId: 'test-2020-hmt', reason: 'signature' }]);
      expect(validate).not.toHaveBeenCalled(); // refused on its signatures, before the schema
      expect((await u.currentPacks([bundledV1()])).packs).toMatchObject([{ source: 'bundled' }]);
    });

    it('a new browser session (empty record) verifies every stored copy again, then remembers it', async () => {
      const { h, mem } = await accepted();
      const fresh = sessionCache();
      const { u, validate } = restart(h, mem.store, fresh.cache);
      expect((await u.reverifyStored()).verified).toEqual(['test-2020-hmt']);
      expect(validate).toHaveBeenCalledTimes(1);
      expect(Object.keys(fresh.peek() ?? {})).toEqual(['test-2020-hmt']);
    });
  });

  it('reports an error when a pack has neither a verified download nor a bundled copy', async () => {
    const u = updater(host(), memoryStore({ highWater: { 'gone-pack': 4 }, accepted: {}, packs: {} }).store);
    const { packs, errors } = await u.currentPacks([]);
    expect(packs).toEqual([]);
    expect(errors).toMatchObject([{ packId: 'gone-pack', reason: 'no-rules' }]);
  });

  it('prefers a bundled copy newer than the download (after an extension update)', async () => {
    const h = host();
    await h.publish([v1], [key]);
    const u = updater(h, memoryStore().store);
    await u.checkFeed();
    const newer = { ...bundledV1(), version: 5 };
    expect((await u.currentPacks([newer])).packs).toMatchObject([{ source: 'bundled', pack: { version: 5 } }]);
  });

  it('follows a key rotation signed by the old and the new key', async () => {
    const h = host();
    const list = serializeEnvelope(
      await signKeyList(webcryptoEd25519, { seq: 1, threshold: 1, keys: [other.trusted] }, [
        key.signing,
        other.signing,
      ]),
    );
    await h.publish([v1], [other], { text: list, seq: 1 });
    const mem = memoryStore();
    const result = await updater(h, mem.store).checkFeed();
    expect(result.rotatedKeys).toBe(1);
    expect(result.accepted).toHaveLength(1);
    expect(mem.peek().rotation?.keys).toEqual([other.trusted]);
  });

  it('does not follow a key list signed by the new key alone', async () => {
    const h = host();
    const list = serializeEnvelope(
      await signKeyList(webcryptoEd25519, { seq: 1, threshold: 1, keys: [other.trusted] }, [other.signing]),
    );
    await h.publish([v1], [other], { text: list, seq: 1 });
    const result = await updater(h, memoryStore().store).checkFeed();
    expect(result.rotatedKeys).toBeUndefined();
    // The key list, the pack, and the index timestamp (signed by the same untrusted key).
    expect(result.refused.map((r) => r.reason)).toEqual(['signature', 'signature', 'timestamp']);
  });

  it('stops reading a body above the size cap and times out a hanging server', async () => {
    const big: FetchFn = async () =>
      new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(64 * 1024)) }));
    const u1 = createUpdater({
      subscription: { feedUrl: FEED, trustedKeys: [key.trusted], threshold: 1, name: 'x', source: 'user' },
      fetch: big,
      store: memoryStore().store,
      validatePack,
    });
    expect(await u1.checkFeed()).toMatchObject({ ok: false, error: { reason: 'too-large' } });
    const hang: FetchFn = (_, { signal }) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const u2 = createUpdater({
      subscription: { feedUrl: FEED, trustedKeys: [key.trusted], threshold: 1, name: 'x', source: 'user' },
      fetch: hang,
      store: memoryStore().store,
      validatePack,
      timeoutMs: 50,
    });
    expect(await u2.checkFeed()).toMatchObject({ ok: false, error: { reason: 'timeout' } });
  });
});
