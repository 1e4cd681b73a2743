// Issue 13, scope and error isolation across feeds: the institution's policy feeds and the bundled packs own
// their ids; a user's feed may add ids but never shadow theirs; one failing feed never empties the rules.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedBrowser } from '@/lib/feed/extension/browserApi';
import { feedStateKey } from '@/lib/feed/extension/feedStore';
import { fixtureText, packVariant, testKey, type TestKey } from '../feed/helpers';
import { FEED, feedHost, manager, pack, testBrowser } from './setup';
import { indexEntry } from '@/lib/packs/origin';

const USER_FEED = 'https://someone.example.com/rules/index.json';
const v1 = fixtureText('pack-v1.json');
let office: TestKey, someone: TestKey;
beforeAll(async () => {
  [office, someone] = await Promise.all([testKey(61), testKey(62)]);
});

async function withPolicy(browser: FeedBrowser, feeds: Record<string, unknown>[]) {
  await (browser.storage.managed as unknown as { set(v: unknown): Promise<void> }).set({
    institutionName: '某某大学科研处',
    feeds,
  });
}

/** Two hosts behind one fetch: the institution's (FEED) and the user's own. */
function twoHosts() {
  const policyHost = feedHost(FEED);
  const userHost = feedHost(USER_FEED);
  return {
    policyHost,
    userHost,
    fetch: (url: string, init: { signal: AbortSignal }) =>
      url.startsWith(USER_FEED.replace(/index\.json$/, '')) ? userHost.fetch(url, init) : policyHost.fetch(url, init),
  };
}

const inUse = async (m: ReturnType<typeof manager>) =>
  (await m.packsInUse()).packs.map((p) => `${p.pack.id}@${p.pack.version}:${p.sourceName}`);

describe('2. scope: who may publish a pack id', () => {
  it('a user feed cannot replace the policy feed’s pack (v99 over v3) nor the bundled one; it may add new ids', async () => {
    const browser = testBrowser(['https://someone.example.com/*']);
    const hosts = twoHosts();
    await withPolicy(browser, [{ url: FEED, keys: [office.trusted.publicKey], name: '科研处规则源' }]);
    await hosts.policyHost.publish([packVariant((p) => (p.version = 3))], [office]);
    const bundledOther = pack(packVariant((p) => Object.assign(p, { id: 'bundled-only', version: 1 })));
    const m = manager(browser, hosts.fetch, [pack(v1), bundledOther]);
    await m.checkAll();
    await m.subscribe({ url: USER_FEED, keys: [someone.trusted.publicKey], name: '某人' });
    await hosts.userHost.publish(
      [
        packVariant((p) => (p.version = 99)),
        packVariant((p) => Object.assign(p, { id: 'bundled-only', version: 99 })),
        packVariant((p) => Object.assign(p, { id: 'users-own', version: 1 })),
      ],
      [someone],
    );
    await m.checkAll();
    // Before: test-2020-hmt@99 from the user's feed, and bundled-only@99.
    expect(await inUse(m)).toEqual([
      'bundled-only@1:扩展内置 / bundled',
      'test-2020-hmt@3:科研处规则源',
      'users-own@1:某人',
    ]);
    const status = await m.status();
    const userRow = status.feeds.find((f) => f.url === USER_FEED)!;
    expect(userRow.lastError?.zh).toMatch(/此规则源无权发布规则包 test-2020-hmt（该编号由科研处规则源提供）/);
    expect(status.inUse.map((p) => [p.id, p.version, p.source, p.sourceName])).toEqual([
      ['bundled-only', 1, 'bundled', '扩展内置 / bundled'],
      ['test-2020-hmt', 3, 'feed', '科研处规则源'],
      ['users-own', 1, 'feed', '某人'],
    ]);
    // Stored before the policy arrived does not help either: the state of the user feed holds nothing of theirs.
    const state = (await browser.storage.local.get(feedStateKey(USER_FEED)))[feedStateKey(USER_FEED)] as {
      packs: Record<string, unknown>;
    };
    expect(Object.keys(state.packs)).toEqual(['users-own']);
  });

  it('a policy may list the pack ids each feed may publish', async () => {
    const browser = testBrowser();
    const hosts = twoHosts();
    await withPolicy(browser, [
      { url: FEED, keys: [office.trusted.publicKey], packs: ['test-2020-hmt'] },
      { url: USER_FEED, keys: [someone.trusted.publicKey], packs: ['dept-extra'] },
    ]);
    await hosts.policyHost.publish(
      [packVariant((p) => (p.version = 2)), packVariant((p) => Object.assign(p, { id: 'dept-extra', version: 7 }))],
      [office],
    );
    await hosts.userHost.publish(
      [packVariant((p) => (p.version = 50)), packVariant((p) => Object.assign(p, { id: 'dept-extra', version: 1 }))],
      [someone],
    );
    const m = manager(browser, hosts.fetch, []);
    await m.checkAll();
    expect((await m.packsInUse()).packs.map((p) => `${p.pack.id}@${p.pack.version}`)).toEqual([
      'dept-extra@1',
      'test-2020-hmt@2',
    ]);
    const errors = (await m.status()).feeds.map((f) => f.lastError?.en);
    expect(errors).toEqual([
      expect.stringMatching(/may not publish pack dept-extra/),
      expect.stringMatching(/may not publish pack test-2020-hmt/),
    ]);
  });
});

describe('the packs in use name their origin and freshness (for the panel, popup and report)', () => {
  it('bundled, the institution’s policy feed and the user’s feed; a feed without a fresh timestamp is stale', async () => {
    const browser = testBrowser(['https://someone.example.com/*']);
    const hosts = twoHosts();
    await withPolicy(browser, [{ url: FEED, keys: [office.trusted.publicKey], name: '科研处规则源' }]);
    await hosts.policyHost.publish(
      [packVariant((p) => Object.assign(p, { id: 'office-layer', version: 2 }))],
      [office],
    );
    await hosts.userHost.publish([packVariant((p) => Object.assign(p, { id: 'users-own', version: 1 }))], [someone]);
    // The feeds' index was signed 2026-01-01; the first manager's clock says 2026-01-05, the second's 2026-03-01.
    const early = manager(browser, hosts.fetch, [pack(v1)], [], new Date('2026-01-05T00:00:00Z'));
    await early.subscribe({ url: USER_FEED, keys: [someone.trusted.publicKey], name: '某人' });
    await early.checkAll();
    const row = (p: Awaited<ReturnType<typeof early.packsInUse>>['packs'][number]) =>
      `${p.pack.id}@${p.pack.version}:${p.origin}:${p.sourceName}:${p.stale ? `stale ${p.staleDays}` : 'fresh'}`;
    expect((await early.packsInUse()).packs.map(row)).toEqual([
      'office-layer@2:policy:科研处规则源:fresh',
      'test-2020-hmt@1:bundled:扩展内置 / bundled:fresh',
      'users-own@1:user:某人:fresh',
    ]);
    // getPacks' index (bundled packs by the outlines the build wrote) says the same as the whole packs outlined.
    expect(await early.indexInUse()).toEqual((await early.packsInUse()).packs.map(indexEntry));
    const later = manager(browser, hosts.fetch, [pack(v1)], [], new Date('2026-03-01T00:00:00Z'));
    expect(await later.indexInUse()).toEqual((await later.packsInUse()).packs.map(indexEntry));
    expect((await later.packsInUse()).packs.map(row)).toEqual([
      'office-layer@2:policy:科研处规则源:stale 14',
      'test-2020-hmt@1:bundled:扩展内置 / bundled:fresh',
      'users-own@1:user:某人:stale 14',
    ]);
  });
});

describe('4. one failing feed never empties the rules', () => {
  it('a feed whose stored state cannot be read is reported; the other feeds and the bundled packs stay in use', async () => {
    const browser = testBrowser(['https://someone.example.com/*']);
    const hosts = twoHosts();
    await withPolicy(browser, [{ url: FEED, keys: [office.trusted.publicKey] }]);
    await hosts.policyHost.publish([packVariant((p) => (p.version = 3))], [office]);
    const m = manager(browser, hosts.fetch, [pack(v1)]);
    await m.subscribe({ url: USER_FEED, keys: [someone.trusted.publicKey] });
    await hosts.userHost.publish([packVariant((p) => Object.assign(p, { id: 'users-own' }))], [someone]);
    await m.checkAll();
    // The user feed's storage read starts throwing (a broken storage area for that key only).
    const get = browser.storage.local.get.bind(browser.storage.local);
    browser.storage.local.get = (async (keys: unknown) => {
      if (keys === feedStateKey(USER_FEED)) throw new Error('storage read failed');
      return get(keys as string);
    }) as typeof browser.storage.local.get;
    const restarted = manager(browser, hosts.fetch, [pack(v1)]);
    await restarted.reverifyAll();
    expect(await restarted.checkAll()).toBeUndefined();
    expect((await restarted.packsInUse()).packs.map((p) => `${p.pack.id}@${p.pack.version}`)).toEqual([
      'test-2020-hmt@3',
    ]);
  });
});
