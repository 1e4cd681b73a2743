import { beforeAll, describe, expect, it, vi } from 'vitest';
import { diffPacks } from '@/lib/feed/diff';
import { toBase64Url, utf8 } from '@/lib/feed/encoding';
import { feedStateKey } from '@/lib/feed/extension/feedStore';
import type { FeedBrowser } from '@/lib/feed/extension/browserApi';
import { fixtureText, packVariant, testKey, type TestKey } from '../feed/helpers';
import { bundledPackVariant } from '@/test/fixtures/feed-e2e/feedServer';
import { FEED, feedHost, fieldMap, manager, pack, sessionOf, testBrowser } from './setup';
import { createFeedManager } from '@/lib/feed/extension/manager';
import { webcryptoEd25519 } from '@/lib/feed/crypto';
import { parsePack } from '@/lib/packs/parsePack';
import { bundledOutline, indexEntry } from '@/lib/packs/origin';
import { emptyChecklist } from '@/lib/core/vocabulary';

const v1 = fixtureText('pack-v1.json');
const v2 = fixtureText('pack-v2.json');
const ORIGIN = 'https://rules.example.edu.cn/*';
let key: TestKey, stranger: TestKey;
beforeAll(async () => {
  [key, stranger] = await Promise.all([testKey(31), testKey(32)]);
});

const input = (extra: Record<string, unknown> = {}) => ({
  url: FEED,
  keys: [key.trusted.publicKey],
  threshold: 1,
  name: '科研处',
  ...extra,
});

async function withPolicy(browser: FeedBrowser, policy: unknown) {
  await (browser.storage.managed as unknown as { set(v: unknown): Promise<void> }).set(
    policy as Record<string, unknown>,
  );
}

/**
 * A feed for the bundled pack's id: only the institution's policy feed may publish it (a user's feed may
 * only add new ids), so the feed is set by policy unless `via` says otherwise.
 */
async function subscribed(bundled = [pack(v1)], via: 'policy' | 'user' = 'policy') {
  const browser = testBrowser([ORIGIN]);
  const host = feedHost();
  if (via === 'policy')
    await withPolicy(browser, { feeds: [{ url: FEED, keys: [key.trusted.publicKey], name: '科研处' }] });
  const m = manager(browser, host.fetch, bundled);
  if (via === 'user') await m.subscribe(input());
  return { browser, host, m };
}

describe('feed manager', () => {
  it('uses the bundled packs until a feed brings a newer version, then tells what changed', async () => {
    const { host, m } = await subscribed();
    expect((await m.packsInUse()).packs.map((p) => [p.pack.version, p.source])).toEqual([[1, 'bundled']]);
    await host.publish([v2], [key]);
    const notice = await m.checkAll();
    // Compared with the bundled v1 that was in use: only the rules that differ are listed.
    expect(notice?.packs).toEqual([
      { packId: 'test-2020-hmt', title: pack(v2).title.zh, from: 1, to: 2, ...diffPacks(pack(v1), pack(v2)) },
    ]);
    const { added, changed, removed } = notice!.packs[0]!;
    expect(added.length + changed.length + removed.length).toBeGreaterThan(0);
    // Every rule the notice names has its title with it (the options page shows titles, never ids)
    for (const id of [...added, ...changed, ...removed])
      expect(notice!.ruleTitles?.[id]?.zh, id).toMatch(/[\u4e00-\u9fff]/);
    expect(await m.checkAll()).toBeUndefined();
    expect((await m.packsInUse()).packs.map((p) => [p.pack.version, p.source])).toEqual([[2, 'feed']]);
    const status = await m.status();
    expect(status.notice).toEqual(notice);
    expect(status.feeds[0]).toMatchObject({
      url: FEED,
      name: '科研处',
      source: 'policy',
      packs: [{ id: 'test-2020-hmt', version: 2 }],
    });
    expect(status.feeds[0]!.keys[0]!.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(status.feeds[0]!.lastError).toBeUndefined();
  });

  it('re-checks the saved drafts of an updated pack and lists those that now fail', async () => {
    const browser = testBrowser([ORIGIN]);
    const host = feedHost();
    const at = '2026-02-01T00:00:00.000Z';
    const draft = (key: string, endDate: string) => ({
      key,
      host: 'h',
      applicationId: key,
      title: key,
      guideline: '2020-hmt',
      direction: '1.1',
      fields: { 'project.startDate': '2026-01-01', 'project.endDate': endDate },
      checklist: emptyChecklist(),
      revision: 1,
      createdAt: at,
      updatedAt: at,
    });
    const drafts = [draft('three-years', '2028-12-31'), draft('two-years', '2027-12-31')];
    const hmt = (version: number) =>
      bundledPackVariant('2020-hmt', (p) => {
        p.version = version;
        p.expires = '2099-12-31';
      });
    await withPolicy(browser, { feeds: [{ url: FEED, keys: [key.trusted.publicKey] }] });
    const m = manager(browser, host.fetch, [pack(hmt(1))], drafts);
    await host.publish([hmt(2)], [key]);
    const notice = await m.checkAll();
    expect(notice!.packs).toEqual([
      expect.objectContaining({ packId: '2020-hmt', from: 1, to: 2, added: [], changed: [], removed: [] }),
    ]);
    const failing = Object.fromEntries(notice!.failingDrafts.map((d) => [d.key, d.ruleIds]));
    expect(failing['three-years']).toContain('2020-hmt/1.1/duration-exactly-2y');
    expect(failing['two-years'] ?? []).not.toContain('2020-hmt/1.1/duration-exactly-2y');
  });

  it('refuses a bad signature, keeps the pack in use and says why', async () => {
    const { host, m } = await subscribed();
    await host.publish([v2], [stranger]);
    expect(await m.checkAll()).toBeUndefined();
    expect((await m.packsInUse()).packs[0]!.pack.version).toBe(1);
    expect((await m.status()).feeds[0]!.lastError?.zh).toMatch(/签名验证失败/);
  });

  it('refuses a rollback to a lower version after an update', async () => {
    const { host, m } = await subscribed();
    const v3 = packVariant((p) => (p.version = 3));
    await host.publish([v3], [key]);
    await m.checkAll();
    await host.publish([v2], [key]);
    await m.checkAll();
    expect((await m.packsInUse()).packs[0]!.pack.version).toBe(3);
    expect((await m.status()).feeds[0]!.lastError?.en).toMatch(/rollback/);
  });

  it('falls back to the bundled pack when the stored envelope was tampered with', async () => {
    const { browser, host, m } = await subscribed();
    await host.publish([v2], [key]);
    await m.checkAll();
    const key_ = feedStateKey(FEED);
    const state = (await browser.storage.local.get(key_))[key_] as { packs: Record<string, { envelope: string }> };
    // Someone edits the stored pack (a field changed, payload re-encoded): its signatures no longer match.
    const envelope = JSON.parse(state.packs['test-2020-hmt']!.envelope) as { payload: string };
    envelope.payload = toBase64Url(utf8(packVariant((p) => (p.expires = '2100-12-31'), 'pack-v2.json')));
    state.packs['test-2020-hmt']!.envelope = JSON.stringify(envelope);
    await browser.storage.local.set({ [key_]: state });
    // A new service worker: a fresh manager over the same storage, while the feed's host is down.
    const down = manager(browser, feedHost('https://down.example/index.json').fetch, [pack(v1)]);
    await down.reverifyAll();
    expect((await down.packsInUse()).packs.map((p) => [p.pack.version, p.source])).toEqual([[1, 'bundled']]);
    expect((await down.status()).feeds[0]!.lastError).toBeDefined();
    // The tampered copy was kept (never deleted without a replacement); the next start fetches one at once.
    const stored = (await browser.storage.local.get(key_))[key_] as { packs: Record<string, { envelope: string }> };
    expect(stored.packs['test-2020-hmt']!.envelope).toBe(JSON.stringify(envelope));
    const restarted = manager(browser, host.fetch, [pack(v1)]);
    await restarted.reverifyAll();
    expect((await restarted.packsInUse()).packs.map((p) => [p.pack.version, p.source])).toEqual([[2, 'feed']]);
  });

  it('answers the index from the bundled outlines without reading the bundled packs; a newer feed copy replaces one', async () => {
    const { browser, host, m } = await subscribed();
    const bundled = vi.fn(async () => [pack(v1)]);
    const woken = createFeedManager({
      browser,
      fetch: host.fetch,
      bundled,
      bundledIndex: [bundledOutline(pack(v1))],
      validatePack: parsePack,
      drafts: async () => [],
      fieldMap,
      // past the pack's expiry: the outline's summary says so, as the whole pack's would
      now: () => new Date('2100-01-01T00:00:00Z'),
      impl: webcryptoEd25519,
    });
    const index = await woken.indexInUse();
    expect(bundled).not.toHaveBeenCalled();
    expect(index.map((e) => [e.summary.id, e.summary.version, e.summary.origin, e.summary.expired])).toEqual([
      ['test-2020-hmt', 1, 'bundled', true],
    ]);
    expect(index).toEqual((await woken.packsInUse()).packs.map(indexEntry));
    expect(bundled).toHaveBeenCalled();

    await host.publish([v2], [key]);
    await m.checkAll();
    const updated = await m.indexInUse();
    expect(updated.map((e) => [e.summary.version, e.summary.origin])).toEqual([[2, 'policy']]);
    expect(updated).toEqual((await m.packsInUse()).packs.map(indexEntry));
  });

  it('reports the bundled packs unreadable, and keeps the feeds’ packs in use', async () => {
    const { browser, host } = await subscribed();
    await host.publish([v2], [key]);
    const broken = createFeedManager({
      browser,
      fetch: host.fetch,
      bundled: async () => {
        throw new Error('404');
      },
      bundledIndex: [bundledOutline(pack(v1))],
      validatePack: parsePack,
      drafts: async () => [],
      fieldMap,
      impl: webcryptoEd25519,
    });
    await broken.checkAll();
    const { packs, errors } = await broken.packsInUse();
    expect(packs.map((p) => [p.pack.version, p.source])).toEqual([[2, 'feed']]);
    expect(errors).toEqual([
      { zh: '内置规则读取失败：Error: 404', en: 'The bundled rules could not be read: Error: 404' },
    ]);
  });

  it('a restarted worker uses the packs this browser session verified; a new session verifies them again', async () => {
    const { browser, host, m } = await subscribed();
    await host.publish([v2], [key]);
    await m.checkAll();
    const restart = (session: ReturnType<typeof sessionOf> | undefined) => {
      const validatePack = vi.fn(parsePack);
      const restarted = createFeedManager({
        browser,
        fetch: host.fetch,
        bundled: async () => [pack(v1)],
        bundledIndex: [bundledOutline(pack(v1))],
        validatePack,
        drafts: async () => [],
        fieldMap,
        now: () => new Date('2026-03-01T00:00:00Z'),
        impl: webcryptoEd25519,
        session,
      });
      return { restarted, validatePack };
    };
    const same = restart(sessionOf(browser));
    expect((await same.restarted.packsInUse()).packs.map((p) => [p.pack.version, p.source])).toEqual([[2, 'feed']]);
    expect(same.validatePack).not.toHaveBeenCalled();
    // After an update (another version), or without a session store, every stored pack is verified again.
    const updated = restart({ ...sessionOf(browser), version: '1.0.1' });
    expect((await updated.restarted.packsInUse()).packs.map((p) => [p.pack.version, p.source])).toEqual([[2, 'feed']]);
    expect(updated.validatePack).toHaveBeenCalled();
    const none = restart(undefined);
    expect((await none.restarted.packsInUse()).packs.map((p) => p.pack.version)).toEqual([2]);
    expect(none.validatePack).toHaveBeenCalled();
  });

  it('unsubscribing forgets what the session verified of the feed', async () => {
    const { browser, host, m } = await subscribed([pack(v1)], 'user');
    await host.publish([packVariant((p) => Object.assign(p, { id: 'office-extra', version: 1 }))], [key]);
    await m.checkAll();
    const session = sessionOf(browser).area;
    const recorded = async () => Object.keys(await session.get(null)).filter((k) => k.includes(FEED));
    expect(await recorded()).toHaveLength(1);
    await m.unsubscribe(FEED);
    expect(await recorded()).toEqual([]);
  });

  it('reports a clear error when a feed-only pack fails and nothing is bundled', async () => {
    const { browser, host, m } = await subscribed([]);
    await host.publish([v2], [key]);
    await m.checkAll();
    const k = feedStateKey(FEED);
    const state = (await browser.storage.local.get(k))[k] as { packs: Record<string, { envelope: string }> };
    state.packs['test-2020-hmt']!.envelope = 'garbage';
    await browser.storage.local.set({ [k]: state });
    const restarted = manager(browser, host.fetch, []);
    const { packs, errors } = await restarted.packsInUse();
    expect(packs).toEqual([]);
    expect(errors[0]?.zh).toMatch(/既无已验证的下载版本，也无内置版本/);
  });

  it('marks an expired pack in use as expired (规则已过期) and keeps using it', async () => {
    const browser = testBrowser();
    const old = pack(packVariant((p) => (p.expires = '2025-12-31')));
    const m = manager(browser, feedHost().fetch, [old]);
    expect((await m.status()).inUse).toEqual([
      expect.objectContaining({ id: 'test-2020-hmt', expired: true, source: 'bundled' }),
    ]);
  });

  it('will not subscribe without the host permission, nor to a plain-http address on the network', async () => {
    const m = manager(testBrowser([]), feedHost().fetch, []);
    await expect(m.subscribe(input())).rejects.toThrow(/未获准访问 rules\.example\.edu\.cn/);
    const granted = manager(testBrowser(['http://rules.example.edu.cn/*']), feedHost().fetch, []);
    await expect(granted.subscribe(input({ url: 'http://rules.example.edu.cn/index.json' }))).rejects.toThrow(
      /url: 须为 https/,
    );
    expect((await granted.status()).feeds).toEqual([]);
  });

  it('unsubscribing removes the feed and its stored packs', async () => {
    const { browser, host, m } = await subscribed([], 'user');
    await host.publish([v2], [key]);
    await m.checkAll();
    await m.unsubscribe(FEED);
    expect((await m.status()).feeds).toEqual([]);
    expect(await browser.storage.local.get(feedStateKey(FEED))).toEqual({});
    expect((await m.packsInUse()).packs).toEqual([]);
  });
});

describe('policy feeds in the manager', () => {
  it('lists the institution feed read-only and shadows a user subscription to the same URL', async () => {
    const browser = testBrowser([ORIGIN]);
    const first = manager(browser, feedHost().fetch, []);
    await first.subscribe(input());
    await withPolicy(browser, {
      institutionName: '某某大学科研处',
      feeds: [{ url: FEED, keys: [key.trusted.publicKey] }],
    });
    const m = manager(browser, feedHost().fetch, []);
    const status = await m.status();
    expect(status.institutionName).toBe('某某大学科研处');
    expect(status.feeds).toEqual([
      expect.objectContaining({ url: FEED, source: 'policy', name: '某某大学科研处', threshold: 1 }),
    ]);
    await expect(m.unsubscribe(FEED)).rejects.toThrow(/由单位统一设置/);
    await expect(m.subscribe(input())).rejects.toThrow(/已由单位统一设置/);
  });

  it('shows what is wrong with a malformed policy and sets no feed from it', async () => {
    const browser = testBrowser();
    await withPolicy(browser, { feeds: [{ url: 'http://x.example/index.json', keys: ['short'] }] });
    const status = await manager(browser, feedHost().fetch, []).status();
    expect(status.feeds).toEqual([]);
    expect(status.policyErrors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^feeds\.0\.url: /),
        expect.stringMatching(/^feeds\.0\.keys\.0: /),
      ]),
    );
  });
});
