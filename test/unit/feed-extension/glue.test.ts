import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageFeedStore, feedStateKey } from '@/lib/feed/extension/feedStore';
import { hasFeedPermission, originPattern, requestFeedPermission } from '@/lib/feed/extension/permission';
import { readPolicyFeeds } from '@/lib/feed/extension/policyFeeds';
import { CHECK_ALARM, CHECK_PERIOD_MINUTES, scheduleChecks } from '@/lib/feed/extension/schedule';
import {
  loadUserSubscriptions,
  saveUserSubscriptions,
  subscriptionFromInput,
} from '@/lib/feed/extension/subscriptions';
import { managedPolicyJsonSchema } from '@/lib/feed/policy';
import { testKey } from '../feed/helpers';
import { FEED, fakePermissions, testBrowser } from './setup';

describe('storage FeedStore', () => {
  it('keeps one value per feed and writes the whole state at once', async () => {
    const browser = testBrowser();
    const store = storageFeedStore(browser.storage.local, FEED);
    expect(await store.get()).toBeUndefined();
    const state = { highWater: { a: 2 }, accepted: {}, packs: {}, lastCheck: '2026-03-01T00:00:00.000Z' };
    await store.put(state);
    expect(await store.get()).toEqual(state);
    expect(Object.keys(await browser.storage.local.get(null))).toEqual([feedStateKey(FEED)]);
    expect(await storageFeedStore(browser.storage.local, 'https://other.example/index.json').get()).toBeUndefined();
  });
});

describe('check scheduling', () => {
  it('creates a 4-hour alarm once and checks on install, start and alarm', async () => {
    const browser = testBrowser();
    const check = vi.fn();
    await scheduleChecks(browser, check);
    const alarm = (await fakeBrowser.alarms.get(CHECK_ALARM))!;
    expect(alarm.periodInMinutes).toBe(CHECK_PERIOD_MINUTES);
    expect(CHECK_PERIOD_MINUTES).toBe(240);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.alarms.onAlarm.trigger({ ...alarm, name: CHECK_ALARM });
    await fakeBrowser.alarms.onAlarm.trigger({ ...alarm, name: 'someone-else' });
    expect(check.mock.calls.map((c) => c[0])).toEqual(['installed', 'startup', 'alarm']);
  });

  it('does not push an existing alarm back when the service worker restarts', async () => {
    const browser = testBrowser();
    await fakeBrowser.alarms.create(CHECK_ALARM, { periodInMinutes: CHECK_PERIOD_MINUTES, when: 12345 });
    await scheduleChecks(browser, vi.fn());
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))!.scheduledTime).toBe(12345);
  });
});

describe('host permission for a feed', () => {
  it.each([
    ['https://rules.example.edu.cn/guidecheck/index.json', 'https://rules.example.edu.cn/*'],
    ['https://cdn.example.com:8443/a/b/index.json', 'https://cdn.example.com/*'],
    ['http://127.0.0.1:4173/feed/index.json', 'http://127.0.0.1/*'],
  ])('%s needs %s', (url, pattern) => expect(originPattern(url)).toBe(pattern));

  it('requests exactly the feed origin, and reports a refusal', async () => {
    const { permissions, state } = fakePermissions();
    expect(await hasFeedPermission(permissions, FEED)).toBe(false);
    state.deny = true;
    expect(await requestFeedPermission(permissions, FEED)).toBe(false);
    state.deny = false;
    expect(await requestFeedPermission(permissions, FEED)).toBe(true);
    expect(permissions.request).toHaveBeenLastCalledWith({ origins: ['https://rules.example.edu.cn/*'] });
    expect(await hasFeedPermission(permissions, FEED)).toBe(true);
  });
});

describe('subscription input', () => {
  it.each([
    [{ url: FEED, keys: ['K'], threshold: 1 }, null],
    [{ url: 'http://127.0.0.1:9000/index.json', keys: ['K'], threshold: 1 }, null],
    [{ url: 'http://rules.example.edu.cn/index.json', keys: ['K'], threshold: 1 }, /^url: 须为 https/],
    [{ url: FEED, keys: ['not-a-key'], threshold: 1 }, /^keys\.0: 须为 32 字节/],
    [{ url: FEED, keys: [], threshold: 1 }, /^keys: 至少需要一个公钥/],
    [{ url: FEED, keys: ['K'], threshold: 2 }, /^threshold: 所需签名数 2 大于不同公钥数 1/],
    [
      { url: FEED, keys: ['K', 'K'], threshold: 2 },
      /^keys\.1: 与第 1 个公钥重复.*\nthreshold: 所需签名数 2 大于不同公钥数 1/,
    ],
    // The identity point: with it, WebCrypto verifies R = identity, S = 0 over any message.
    [{ url: FEED, keys: ['AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'], threshold: 1 }, /^keys\.0: 弱公钥/],
    // y = p + 1: a non-canonical encoding (of the identity).
    [{ url: FEED, keys: ['7v_______________________________________38'], threshold: 1 }, /^keys\.0: 不是规范编码/],
  ])('%j → %s', async (raw, problem) => {
    const key = await testKey(41);
    const made = await subscriptionFromInput({
      ...raw,
      keys: raw.keys.map((k) => (k === 'K' ? key.trusted.publicKey : k)),
    });
    if (problem === null)
      expect(made).toMatchObject({
        ok: true,
        subscription: { feedUrl: raw.url, trustedKeys: [key.trusted], source: 'user' },
      });
    else expect(made.ok ? 'accepted' : made.errors.join('\n')).toMatch(problem);
  });

  it('survives a damaged stored entry: the others are kept, the problem is reported', async () => {
    const browser = testBrowser();
    const made = await subscriptionFromInput({
      url: FEED,
      keys: [(await testKey(42)).trusted.publicKey],
      threshold: 1,
    });
    if (!made.ok) throw new Error('fixture');
    await saveUserSubscriptions(browser.storage.local, [made.subscription]);
    const stored = (await browser.storage.local.get('feedSubscriptions')).feedSubscriptions as unknown[];
    await browser.storage.local.set({ feedSubscriptions: [...stored, { feedUrl: 'ftp://x' }] });
    const report = vi.fn();
    expect(await loadUserSubscriptions(browser.storage.local, report)).toEqual([made.subscription]);
    expect(report).toHaveBeenCalledWith(expect.stringMatching(/subscription 1 is invalid/));
  });
});

describe('policy → subscriptions', () => {
  it('reads feeds, institution and profile from storage.managed', async () => {
    const browser = testBrowser();
    const key = await testKey(43);
    await fakeBrowser.storage.managed.set({
      institutionName: '某某大学',
      institutionProfile: { unitName: '某某大学', unitType: 'university' },
      feeds: [{ url: FEED, keys: [key.trusted.publicKey], threshold: 1, name: '科研处规则' }],
    });
    const reading = await readPolicyFeeds(browser);
    expect(reading.errors).toEqual([]);
    expect(reading.institutionName).toBe('某某大学');
    expect(reading.institutionProfile?.unitType).toBe('university');
    expect(reading.subscriptions).toEqual([
      { feedUrl: FEED, trustedKeys: [key.trusted], threshold: 1, name: '科研处规则', source: 'policy' },
    ]);
  });

  it('no policy (or a browser that throws for storage.managed) means no policy feeds', async () => {
    expect(await readPolicyFeeds(testBrowser())).toEqual({ subscriptions: [], errors: [] });
    const throwing = {
      storage: {
        ...testBrowser().storage,
        managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) },
      },
    };
    expect(await readPolicyFeeds(throwing)).toEqual({ subscriptions: [], errors: [] });
  });

  it('public/managed_schema.json (the manifest’s storage.managed_schema) is managedPolicyJsonSchema', () => {
    const file = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'managed_schema.json'), 'utf8'),
    );
    expect(file).toEqual(JSON.parse(JSON.stringify(managedPolicyJsonSchema)));
  });
});
