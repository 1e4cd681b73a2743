import type { Draft } from '../../drafts/model';
import { type ActivePack, type BundledOutline, indexEntry, type PackIndexEntry } from '../../packs/origin';
import type { RulePack } from '../../packs/schema';
import type { FieldMap } from '../../portal/fieldMapSchema';
import { isExpired, type ValidatePack } from '../accept';
import { fingerprint, type Ed25519 } from '../crypto';
import { diffPacks } from '../diff';
import { fromBase64Url } from '../encoding';
import type { FetchFn } from '../fetch';
import { refusal } from '../refusal';
import { createUpdater, FeedState, type PackInUse, type Subscription, type Updater } from '../updater';
import type { FeedBrowser, StorageArea } from './browserApi';
import { feedStateKey, sessionVerifiedCache, storageFeedStore, verifiedKey } from './feedStore';
import { loadNotice, saveNotice, type UpdateNotice } from './notice';
import { hasFeedPermission } from './permission';
import { readPolicyFeeds, type PolicyReading } from './policyFeeds';
import { failingDrafts } from './recheckDrafts';
import type { FeedsStatus } from './status';
import { loadUserSubscriptions, saveUserSubscriptions, subscriptionFromInput } from './subscriptions';

export interface FeedManagerDeps {
  browser: FeedBrowser;
  fetch: FetchFn;
  /** The packs built into the extension (the service worker reads them from a file of the extension) */
  bundled: () => Promise<RulePack[]>;
  /** Their outlines, written by the build into the worker's script: the index is answered without reading them */
  bundledIndex: readonly BundledOutline[];
  validatePack: ValidatePack<RulePack>;
  /** Saved drafts, re-checked when a pack changes. */
  drafts: () => Promise<Draft[]>;
  /** Field types for rebuilding applications from drafts (rules/portal/most-gov-cn.json). */
  fieldMap: FieldMap;
  /**
   * storage.session and the extension's version: a worker restart trusts the stored packs this browser session
   * verified, when their bytes are unchanged (lib/feed/updater.ts VerifiedCache). Absent: verified at every start.
   */
  session?: { area: StorageArea; version: string };
  now?: () => Date;
  impl?: Ed25519;
}

interface Feed {
  subscription: Subscription;
  updater: Updater;
}

/** A pack in use and where it came from: what the panel, popup and report name. */
export type InUse = PackInUse & Omit<ActivePack, 'pack' | 'expired'> & { feedUrl?: string };
const BUNDLED_NAME = '扩展内置 / bundled';
const BUNDLED_ORIGIN = {
  source: 'bundled',
  origin: 'bundled',
  sourceName: BUNDLED_NAME,
  stale: false,
  staleDays: 0,
} as const;
/** A copy chosen for a pack id: a feed's (whole), or the bundled one by its outline */
type Chosen = Omit<InUse, 'expired'> | { bundled: BundledOutline };
const idOf = (c: Chosen) => ('bundled' in c ? c.bundled.outline.id : c.pack.id);

/** Refused with a message the options page shows as is. */
class FeedError extends Error {}

/**
 * All feeds of the extension (the user's and the institution's), the packs in use across them and the
 * bundled ones, and the notice after an update. Checks run one at a time: an alarm and a click on
 * 立即检查 never write the same feed state at once.
 */
const POLICY_CACHE_KEY = 'feeds:policy:last';
/** The policy before its first reading: no feeds (see policyReading) */
const NOT_READ_YET: PolicyReading = { subscriptions: [], errors: [] };

export function createFeedManager(deps: FeedManagerDeps) {
  const { browser } = deps;
  const local = browser.storage.local;
  const now = deps.now ?? (() => new Date());
  type Loaded = Promise<{ feeds: Feed[]; policy: PolicyReading }>;
  /** Built on the fresh policy, and whether that has settled; and one built on the policy as last read */
  let loaded: Loaded | undefined;
  let loadedSettled = false;
  let loadedFast: Loaded | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Chromium answers storage.managed only once its policy service is up (about 3 s after a cold start), and
   * the content script waits for the rules. The rules in use therefore come from the policy as last read
   * while a fresh read runs behind (and rebuilds when it differs); what the options page shows and every
   * check waits for the fresh policy.
   */
  let freshPolicy: Promise<PolicyReading> | undefined;
  async function policyReading(fresh: boolean, userFeeds: number): Promise<PolicyReading> {
    const cached = (await local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY] as PolicyReading | undefined;
    freshPolicy ??= readPolicyFeeds(browser).then(async (reading) => {
      if (JSON.stringify(reading) !== JSON.stringify(cached)) {
        await local.set({ [POLICY_CACHE_KEY]: reading });
        loadedFast = undefined;
      }
      return reading;
    });
    if (fresh) return freshPolicy;
    if (cached) return cached;
    // Never read, and no user feed: no feed has stored packs (a policy feed is checked only after its policy was
    // cached above), and bundled packs are never refused, so the rules in use are the bundled ones whatever the
    // policy says. Not waiting: a user feed's packs, by contrast, depend on the ids a policy feed claims.
    return userFeeds ? freshPolicy : NOT_READ_YET;
  }

  /** Subscriptions: policy feeds first; a user subscription to the same URL is shadowed by the policy one. */
  function load(fresh = true): Loaded {
    if (!fresh && !(loaded && loadedSettled)) {
      loadedFast ??= build(false);
      return loadedFast;
    }
    if (!loaded) {
      loadedSettled = false;
      const value = build(true);
      loaded = value;
      const settle = () => {
        if (loaded === value) loadedSettled = true;
      };
      value.then(settle, settle);
    }
    return loaded;
  }

  function build(fresh: boolean): Loaded {
    return (async () => {
      // Bundled ids are known before any feed is checked or offered (scopeRefusal).
      bundledIds = new Set(deps.bundledIndex.map((b) => b.outline.id));
      const user = await loadUserSubscriptions(local);
      const policy = await policyReading(fresh, user.length);
      const policyUrls = new Set(policy.subscriptions.map((s) => s.feedUrl));
      const subscriptions = [...policy.subscriptions, ...user.filter((s) => !policyUrls.has(s.feedUrl))];
      const feeds: Feed[] = [];
      for (const subscription of subscriptions) {
        const updater = createUpdater({
          subscription,
          fetch: deps.fetch,
          store: storageFeedStore(local, subscription.feedUrl),
          verified: deps.session && sessionVerifiedCache(deps.session.area, subscription.feedUrl, deps.session.version),
          validatePack: deps.validatePack,
          scope: (id) => scopeRefusal(feeds, subscription, id),
          now,
          impl: deps.impl,
        });
        feeds.push({ subscription, updater });
      }
      return { feeds, policy };
    })();
  }

  let bundledIds = new Set<string>();
  /** Pack ids a policy feed holds, from its last verified state (filled by packsInUse and before checks). */
  let policyHeld = new Map<string, string>();

  /**
   * Who may publish a pack id. Bundled packs and the institution's policy feeds own their ids: a user's feed
   * may only add new ids. A policy feed that lists its ids publishes only those, and an id listed by one
   * policy feed is not another policy feed's to publish.
   */
  function scopeRefusal(feeds: Feed[], subscription: Subscription, id: string) {
    const listedBy = feeds.find(
      (f) => f.subscription.source === 'policy' && f.subscription.packIds?.includes(id),
    )?.subscription;
    if (subscription.source === 'policy') {
      if (subscription.packIds && !subscription.packIds.includes(id))
        return refusal('scope', {
          packId: id,
          owner: '其他来源',
          ownerEn: 'another source: not in this feed’s policy list',
        });
      if (listedBy && listedBy !== subscription)
        return refusal('scope', { packId: id, owner: listedBy.name, ownerEn: listedBy.name });
      return undefined;
    }
    const owner = listedBy?.name ?? policyHeld.get(id);
    if (owner) return refusal('scope', { packId: id, owner, ownerEn: owner });
    if (bundledIds.has(id))
      return refusal('scope', { packId: id, owner: '扩展内置规则', ownerEn: 'the bundled rules' });
    return undefined;
  }

  /**
   * Per pack id the newest copy among its owners (bundled, policy feeds) or, for ids no owner has, among the
   * user's feeds; errors where there is none. Never throws: a feed that fails is skipped and reported. Bundled packs
   * take part by their outline (`bundled`): their rules are read only by whoever needs them whole.
   */
  async function choose(bundled: readonly BundledOutline[]): Promise<{
    chosen: Chosen[];
    errors: Map<string, { zh: string; en: string }>;
  }> {
    let feeds: Feed[] = [];
    const missing = new Map<string, { zh: string; en: string }>();
    try {
      feeds = (await load(false)).feeds;
    } catch (error) {
      missing.set('(feeds)', {
        zh: `规则源读取失败：${String(error)}`,
        en: `Feeds could not be read: ${String(error)}`,
      });
    }
    const best = new Map<string, Chosen>();
    for (const outline of bundled) best.set(outline.outline.id, { bundled: outline });
    const offered: { feed: Feed; p: PackInUse; stale: boolean; staleDays: number }[] = [];
    const held = new Map<string, string>();
    for (const feed of feeds) {
      try {
        const { packs, errors } = await feed.updater.currentPacks([]);
        const { stale, days } = await feed.updater.freshness();
        for (const p of packs) offered.push({ feed, p, stale, staleDays: days });
        if (feed.subscription.source === 'policy')
          for (const p of packs) if (!held.has(p.pack.id)) held.set(p.pack.id, feed.subscription.name);
        for (const e of errors) missing.set(e.packId, e.message);
      } catch (error) {
        missing.set(feed.subscription.feedUrl, {
          zh: `规则源 ${feed.subscription.name} 出错：${String(error)}`,
          en: `Feed ${feed.subscription.name} failed: ${String(error)}`,
        });
      }
    }
    policyHeld = held;
    for (const { feed, p, stale, staleDays } of offered) {
      if (scopeRefusal(feeds, feed.subscription, p.pack.id)) continue;
      const current = best.get(p.pack.id);
      const version = current && ('bundled' in current ? current.bundled.outline.version : current.pack.version);
      if (!current || p.pack.version > version! || (p.pack.version === version && 'bundled' in current))
        best.set(p.pack.id, {
          ...p,
          origin: feed.subscription.source,
          feedUrl: feed.subscription.feedUrl,
          sourceName: feed.subscription.name,
          stale,
          staleDays,
        });
    }
    const chosen = [...best.values()].sort((a, b) => idOf(a).localeCompare(idOf(b)));
    for (const c of chosen) missing.delete(idOf(c));
    return { chosen, errors: missing };
  }

  /** The packs in use, whole. */
  async function packsInUse(): Promise<{
    packs: InUse[];
    errors: { zh: string; en: string }[];
  }> {
    let bundled: RulePack[];
    let failed: { zh: string; en: string } | undefined;
    try {
      bundled = await deps.bundled();
    } catch (error) {
      bundled = [];
      failed = {
        zh: `内置规则读取失败：${String(error)}`,
        en: `The bundled rules could not be read: ${String(error)}`,
      };
    }
    const outlines = deps.bundledIndex.filter((b) => bundled.some((p) => p.id === b.outline.id));
    const { chosen, errors } = await choose(outlines);
    const at = now();
    const packs = chosen.map((c): InUse => {
      if (!('bundled' in c)) return { ...c, expired: isExpired(c.pack.expires, at) };
      const pack = bundled.find((p) => p.id === c.bundled.outline.id)!;
      return { pack, ...BUNDLED_ORIGIN, expired: isExpired(pack.expires, at) };
    });
    return { packs, errors: [...(failed ? [failed] : []), ...errors.values()] };
  }

  /**
   * What getPacks answers: each pack in use outlined, as `packsInUse().packs.map(indexEntry)` would give, but without
   * reading the bundled packs (a worker woken by the content script answers from their outlines, in its script).
   */
  async function indexInUse(): Promise<PackIndexEntry[]> {
    const { chosen } = await choose(deps.bundledIndex);
    const at = now();
    return chosen.map((c) => {
      if (!('bundled' in c)) return indexEntry({ ...c, expired: isExpired(c.pack.expires, at) });
      const { outline, title, expires } = c.bundled;
      const { origin, sourceName, stale, staleDays } = BUNDLED_ORIGIN;
      const expired = isExpired(expires, at);
      const summary = {
        id: outline.id,
        title,
        version: outline.version,
        expires,
        origin,
        sourceName,
        expired,
        stale,
        staleDays,
      };
      return { summary, outline };
    });
  }

  /**
   * Re-verifies every stored pack (service-worker start). A copy that fails is not deleted: the pack falls back
   * to the previous stored copy or the bundled one, and its feed is checked at once for a replacement (after
   * a key rotation, the same version re-signed).
   */
  function reverifyAll() {
    return serial(async () => {
      const { feeds } = await load();
      for (const feed of feeds) {
        try {
          const { failed } = await feed.updater.reverifyStored();
          if (failed.length) await feed.updater.checkFeed();
        } catch (error) {
          console.error('GuideCheck: re-verifying a feed failed', feed.subscription.feedUrl, error);
        }
      }
    });
  }

  /**
   * Checks every feed; when packs were applied, stores a notice with what changed against the pack in use
   * before (bundled or downloaded) and the saved drafts that now fail.
   */
  function checkAll(): Promise<UpdateNotice | undefined> {
    return serial(async () => {
      const { feeds } = await load();
      const before = new Map((await packsInUse()).packs.map((p) => [p.pack.id, p.pack]));
      const acceptedIds = new Set<string>();
      // Policy feeds come first in `feeds`: their ids are known (policyHeld) before a user feed is checked.
      for (const feed of feeds) {
        const result = await feed.updater.checkFeed();
        for (const a of result.accepted) acceptedIds.add(a.packId);
        if (feed.subscription.source === 'policy')
          for (const { pack } of (await feed.updater.currentPacks([])).packs)
            if (!policyHeld.has(pack.id)) policyHeld.set(pack.id, feed.subscription.name);
      }
      const active = (await packsInUse()).packs.map((p) => p.pack);
      const changed = active.filter((p) => acceptedIds.has(p.id) && p !== before.get(p.id));
      if (!changed.length) return undefined;
      const notice: UpdateNotice = {
        at: now().toISOString(),
        packs: changed.map((p) => ({
          packId: p.id,
          title: p.title.zh,
          from: before.get(p.id)?.version,
          to: p.version,
          ...diffPacks(before.get(p.id), p),
        })),
        failingDrafts: failingDrafts(await deps.drafts(), changed, deps.fieldMap, active),
        ruleTitles: Object.fromEntries(
          [...changed.map((p) => before.get(p.id)), ...active]
            .flatMap((p) => (p ? [...p.rules, ...p.directions.flatMap((d) => d.rules)] : []))
            .map((r) => [r.id, r.title]),
        ),
      };
      await saveNotice(local, notice);
      return notice;
    });
  }

  async function subscribe(input: unknown): Promise<void> {
    const made = await subscriptionFromInput(input);
    if (!made.ok) throw new FeedError(made.errors.join('; '));
    const { subscription } = made;
    if (!(await hasFeedPermission(browser.permissions, subscription.feedUrl))) {
      throw new FeedError(
        `未获准访问 ${new URL(subscription.feedUrl).host}，请在提示中允许 / Access to ${new URL(subscription.feedUrl).host} was not granted; allow it when asked`,
      );
    }
    await serial(async () => {
      const { feeds, policy } = await load();
      if (policy.subscriptions.some((s) => s.feedUrl === subscription.feedUrl))
        throw new FeedError('此规则源已由单位统一设置 / This feed is already set by your institution');
      const user = feeds
        .map((f) => f.subscription)
        .filter((s) => s.source === 'user' && s.feedUrl !== subscription.feedUrl);
      await saveUserSubscriptions(local, [...user, subscription]);
      loaded = loadedFast = undefined;
    });
  }

  async function unsubscribe(feedUrl: string): Promise<void> {
    await serial(async () => {
      const { feeds } = await load();
      const feed = feeds.find((f) => f.subscription.feedUrl === feedUrl);
      if (!feed) throw new FeedError(`未订阅此规则源 / Not subscribed: ${feedUrl}`);
      if (feed.subscription.source === 'policy')
        throw new FeedError('由单位统一设置的规则源不能删除 / A feed set by your institution cannot be removed');
      await saveUserSubscriptions(
        local,
        feeds.map((f) => f.subscription).filter((s) => s.feedUrl !== feedUrl),
      );
      await local.remove(feedStateKey(feedUrl));
      if (deps.session) await deps.session.area.remove(verifiedKey(feedUrl, deps.session.version));
      loaded = loadedFast = undefined;
    });
  }

  async function status(): Promise<FeedsStatus> {
    const { feeds, policy } = await load();
    const { packs, errors } = await packsInUse();
    const row = (p: RulePack) => ({ id: p.id, title: p.title.zh, version: p.version, expires: p.expires });
    return {
      bundled: (await deps.bundled()).map(row),
      inUse: packs.map((p) => ({ ...row(p.pack), source: p.source, sourceName: p.sourceName, expired: p.expired })),
      feeds: await Promise.all(
        feeds.map(async ({ subscription: s }) => {
          const parsed = FeedState.safeParse((await local.get(feedStateKey(s.feedUrl)))[feedStateKey(s.feedUrl)]);
          const state = parsed.success ? parsed.data : undefined;
          const fresh = await feeds.find((f) => f.subscription === s)!.updater.freshness();
          return {
            url: s.feedUrl,
            name: s.name,
            source: s.source,
            threshold: s.threshold,
            keys: await Promise.all(
              s.trustedKeys.map(async (k) => ({
                kid: k.kid,
                fingerprint: await fingerprint(fromBase64Url(k.publicKey)!),
              })),
            ),
            lastCheck: state?.lastCheck,
            lastError: state?.lastError,
            freshAt: fresh.freshAt,
            stale: fresh.stale,
            staleDays: fresh.days,
            packs: Object.entries(state?.packs ?? {}).map(([id, p]) => ({ id, version: p.version })),
          };
        }),
      ),
      institutionName: policy.institutionName,
      policyErrors: policy.errors,
      errors,
      notice: await loadNotice(local),
    };
  }

  return {
    packsInUse,
    indexInUse,
    reverifyAll,
    checkAll,
    subscribe,
    unsubscribe,
    status,
    policy: async () => (await load()).policy,
  };
}

export type FeedManager = ReturnType<typeof createFeedManager>;
