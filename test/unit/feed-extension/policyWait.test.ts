// Issue 12, worker cold start: the first getPacks waits for storage.managed (Chromium answers it only once its policy
// service is up) only when the policy could change that answer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedBrowser } from '@/lib/feed/extension/browserApi';
import type { FetchFn } from '@/lib/feed/fetch';
import { fixtureText, packVariant, testKey, type TestKey } from '../feed/helpers';
import { FEED, feedHost, manager, pack, testBrowser } from './setup';

const USER_FEED = 'https://someone.example.com/rules/index.json';
const POLICY_CACHE_KEY = 'feeds:policy:last';
const v1 = fixtureText('pack-v1.json');
let office: TestKey, someone: TestKey;
beforeAll(async () => {
  [office, someone] = await Promise.all([testKey(71), testKey(72)]);
});

/** The bundled pack, and a second one whose id a policy feed may claim */
const bundled = () => [pack(v1), pack(packVariant((p) => Object.assign(p, { id: 'bundled-other', version: 1 })))];

/** storage.managed held back until `release` (a policy service not up yet); `asked` counts the reads. */
function slowManaged(browser: FeedBrowser) {
  const real = browser.storage.managed;
  let release!: () => void;
  const up = new Promise<void>((resolve) => {
    release = resolve;
  });
  const gate = { asked: 0, release };
  const held: FeedBrowser = {
    ...browser,
    storage: {
      ...browser.storage,
      managed: {
        get: async (keys) => {
          gate.asked++;
          await up;
          return real.get(keys);
        },
      },
    },
  };
  return { browser: held, gate };
}

async function setPolicy(browser: FeedBrowser, policy: Record<string, unknown>) {
  await (browser.storage.managed as unknown as { set(v: unknown): Promise<void> }).set(policy);
}

/** Two hosts behind one fetch: the institution's (FEED) and the user's own. */
function twoHosts() {
  const policyHost = feedHost(FEED);
  const userHost = feedHost(USER_FEED);
  const fetch: FetchFn = (url, init) =>
    url.startsWith(USER_FEED.replace(/index\.json$/, '')) ? userHost.fetch(url, init) : policyHost.fetch(url, init);
  return { policyHost, userHost, fetch };
}

type Index = Awaited<ReturnType<ReturnType<typeof manager>['indexInUse']>>;

const ids = (index: Index) => index.map((e) => `${e.summary.id}@${e.summary.version}:${e.summary.origin}`);

/** The answer, or 'waiting' when it is still held a second later (the fake storage answers within microtasks). */
async function settled<T>(answer: Promise<T>): Promise<T | 'waiting'> {
  const waiting = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 1000));
  return Promise.race([answer, waiting]);
}

/** The index, answered without waiting for the policy (fails while it is still held) */
async function answeredAtOnce(m: ReturnType<typeof manager>): Promise<Index> {
  const answer = await settled(m.indexInUse());
  expect(answer).not.toBe('waiting');
  return answer as Index;
}

const policies: [string, Record<string, unknown>][] = [
  ['no policy', {}],
  ['a malformed policy', { feeds: [{ url: 'http://x.example/index.json', keys: ['short'] }] }],
  ['a policy feed, no pack list', { institutionName: '科研处', feeds: [{ url: FEED, keys: ['KEY'] }] }],
  [
    'a policy feed claiming both bundled ids',
    { feeds: [{ url: FEED, keys: ['KEY'], packs: ['test-2020-hmt', 'bundled-other'] }] },
  ],
];
const withKey = (policy: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(policy).replaceAll('"KEY"', JSON.stringify(office.trusted.publicKey)));

describe('no policy ever read and no user feed: answered at once', () => {
  it.each(policies)('with %s: the answer before the policy is the one after it, and stays', async (_, policy) => {
    const base = testBrowser(['https://rules.example.edu.cn/*']);
    await setPolicy(base, withKey(policy));
    const hosts = twoHosts();
    // The institution's feed has a newer copy of the bundled pack: it only counts once checked.
    await hosts.policyHost.publish([packVariant((p) => (p.version = 3))], [office]);
    const { browser, gate } = slowManaged(base);
    const m = manager(browser, hosts.fetch, bundled());

    const first = await answeredAtOnce(m);
    expect(ids(first)).toEqual(['bundled-other@1:bundled', 'test-2020-hmt@1:bundled']);
    expect(gate.asked).toBe(1); // the fresh read runs behind
    const whole = await settled(m.packsInUse());
    expect(whole).not.toBe('waiting');

    // The policy service comes up: the same answer, from this worker and from a restarted one (now from the cache).
    gate.release();
    expect(await m.policy()).toBeDefined();
    expect(await m.indexInUse()).toEqual(first);
    expect(await manager(base, hosts.fetch, bundled()).indexInUse()).toEqual(first);
    // What a worker that waited for the policy would have answered
    await base.storage.local.remove(POLICY_CACHE_KEY);
    const waited = manager(base, hosts.fetch, bundled());
    await waited.policy();
    expect(await waited.indexInUse()).toEqual(first);
  });

  it('a storage.managed that never answers does not hold the content script’s packs', async () => {
    const base = testBrowser();
    const { browser } = slowManaged(base);
    const m = manager(browser, feedHost().fetch, bundled());
    await answeredAtOnce(m);
    const whole = await settled(m.packsInUse());
    expect(whole).not.toBe('waiting');
    expect((whole as Exclude<typeof whole, 'waiting'>).packs.map((p) => p.pack.id)).toEqual([
      'bundled-other',
      'test-2020-hmt',
    ]);
  });
});

describe('otherwise the policy (fresh or as last read) decides', () => {
  it('a user feed and no policy read yet: waits, because a policy feed may claim the user’s pack id', async () => {
    const base = testBrowser(['https://someone.example.com/*', 'https://rules.example.edu.cn/*']);
    const hosts = twoHosts();
    const first = manager(base, hosts.fetch, bundled());
    await first.subscribe({ url: USER_FEED, keys: [someone.trusted.publicKey], name: '某人' });
    await hosts.userHost.publish([packVariant((p) => Object.assign(p, { id: 'users-own', version: 1 }))], [someone]);
    await first.checkAll();
    expect(ids(await first.indexInUse())).toEqual([
      'bundled-other@1:bundled',
      'test-2020-hmt@1:bundled',
      'users-own@1:user',
    ]);
    // Now the institution claims that id, and this browser holds no reading of any policy (as before the cache).
    await setPolicy(base, { feeds: [{ url: FEED, keys: [office.trusted.publicKey], packs: ['users-own'] }] });
    await base.storage.local.remove(POLICY_CACHE_KEY);
    const { browser, gate } = slowManaged(base);
    const woken = manager(browser, hosts.fetch, bundled());
    const answer = woken.indexInUse();
    expect(await settled(answer)).toBe('waiting');
    gate.release();
    // The user's pack would have been answered without the policy; with it, it is not the user's to publish.
    expect(ids(await answer)).toEqual(['bundled-other@1:bundled', 'test-2020-hmt@1:bundled']);
  });

  it('a policy feed’s packs are stored only after its policy was cached: a restarted worker answers them at once', async () => {
    const base = testBrowser(['https://rules.example.edu.cn/*']);
    await setPolicy(base, { feeds: [{ url: FEED, keys: [office.trusted.publicKey], name: '科研处规则源' }] });
    const hosts = twoHosts();
    await hosts.policyHost.publish([packVariant((p) => (p.version = 3))], [office]);
    const first = manager(base, hosts.fetch, bundled());
    await first.checkAll();
    expect((await base.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY]).toEqual(
      expect.objectContaining({ subscriptions: [expect.objectContaining({ feedUrl: FEED })] }),
    );
    const { browser, gate } = slowManaged(base);
    const woken = manager(browser, hosts.fetch, bundled());
    expect(ids(await answeredAtOnce(woken))).toEqual(['bundled-other@1:bundled', 'test-2020-hmt@3:policy']);
    expect(gate.asked).toBe(1);
  });

  it('a user feed subscribed while the first answer was out: the next answer waits for the policy', async () => {
    const base = testBrowser(['https://someone.example.com/*']);
    const hosts = twoHosts();
    const { browser, gate } = slowManaged(base);
    const m = manager(browser, hosts.fetch, bundled());
    await answeredAtOnce(m);
    // subscribe itself waits for the policy (the options page shows it); release it for that, then hold a new worker
    const subscribing = m.subscribe({ url: USER_FEED, keys: [someone.trusted.publicKey], name: '某人' });
    gate.release();
    await subscribing;
    await base.storage.local.remove(POLICY_CACHE_KEY);
    const held = slowManaged(base);
    const woken = manager(held.browser, hosts.fetch, bundled());
    expect(await settled(woken.indexInUse())).toBe('waiting');
    held.gate.release();
  });
});
