import { z } from 'zod';
import { CLOCK_SKEW_MS } from '../clock/skew';
import { BilingualSchema } from '../core/schemas';
import type { RulePack } from '../packs/schema';
import { acceptEnvelope, isExpired, verifyEnvelope, type ValidatePack } from './accept';
import { ed25519, type Ed25519 } from './crypto';
import { fromUtf8, sha256Hex, utf8 } from './encoding';
import { diffPacks, type PackDiff } from './diff';
import { parseOuter, verifiedSigners } from './envelope';
import { FeedIndex, MAX_INDEX_BYTES, readEntry, resolveFeedUrl, timestampMessage, type FeedEntry } from './feedIndex';
import { fetchBytes, type FetchFn } from './fetch';
import { TrustedKey } from './keyFile';
import { acceptKeyList } from './keys';
import { refusal, type Refusal, type RefusalCode } from './refusal';
import { DEFAULT_MAX_BYTES, screenFile } from './screen';
import type { Bilingual } from '../core/vocabulary';

/**
 * The updater of one subscription, independent of where its state lives: the extension's background
 * gives it a store over IndexedDB or storage.local (one store per subscription), tests give it memory.
 * Every change to the state is one `put`, so a crash leaves either the old packs or the new ones.
 */
export interface Subscription {
  /** URL of the feed's index.json (HTTPS). */
  feedUrl: string;
  trustedKeys: TrustedKey[];
  threshold: number;
  name: string;
  /** 'policy' subscriptions come from enterprise policy and cannot be removed by the user. */
  source: 'user' | 'policy';
  /** Pack ids this feed may publish (policy feeds may list them); absent: any the manager allows. */
  packIds?: string[];
  /** Warn when no fresh signed timestamp came for this many days (default FRESH_DAYS). */
  staleDays?: number;
}

/** Days without a fresh signed feed timestamp before the feed is reported stale. */
export const FRESH_DAYS = 14;
/** Accepted payload digests kept per pack: enough to recognise any recent version re-signed. */
const MAX_DIGESTS_PER_PACK = 32;

const StoredCopy = z.object({
  version: z.number().int().positive(),
  /** SHA-256 of the payload (the pack's bytes). */
  digest: z.string(),
  /** SHA-256 of the envelope file, as listed in the index: an unchanged entry is not downloaded again. */
  fileSha256: z.string(),
  /** The envelope exactly as received, re-verified at every start. */
  envelope: z.string(),
  acceptedAt: z.string(),
});
type StoredCopy = z.infer<typeof StoredCopy>;

/** The newest accepted copy, and the one before it: what stays in use if the newest stops verifying. */
const StoredPack = StoredCopy.extend({ previous: StoredCopy.optional() });

export const FeedState = z.object({
  /** Highest version accepted per pack id; never lowered, even when a stored pack is dropped. */
  highWater: z.record(z.string(), z.number()),
  /**
   * Payload digest accepted per pack id and version, kept apart from the stored envelopes: the same content
   * under new signatures (a key rotation) is recognised even when its stored envelope no longer verifies.
   */
  accepted: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  packs: z.record(z.string(), StoredPack),
  /** The keys in force after a rotation, and the subscription keys the rotation started from. */
  rotation: z
    .object({
      seq: z.number().int(),
      threshold: z.number().int(),
      keys: z.array(TrustedKey),
      baseKids: z.array(z.string()),
    })
    .optional(),
  /** When this feed was first checked: the start of the freshness clock before any signed timestamp. */
  since: z.string().optional(),
  /** The newest verified feed timestamp (index.json `timestamp.at`). */
  freshAt: z.string().optional(),
  lastCheck: z.string().optional(),
  lastError: BilingualSchema.optional(),
});
export type FeedState = z.infer<typeof FeedState>;

export interface FeedStore {
  get(): Promise<unknown>;
  put(state: FeedState): Promise<void>;
}

/**
 * The packs this browser session verified, per pack id, each under the key of what was verified: the stored envelope's
 * bytes (their SHA-256), its payload digest and the keys in force. The extension keeps it in storage.session: in
 * memory only, never on disk, and not readable or writable by content scripts.
 */
export type VerifiedRecord = Record<string, { key: string; pack: RulePack }>;

export interface VerifiedCache {
  get(): Promise<unknown>;
  put(record: VerifiedRecord): Promise<void>;
}

export interface UpdaterDeps {
  subscription: Subscription;
  fetch: FetchFn;
  store: FeedStore;
  /**
   * Lets a worker restart skip re-verifying: a stored copy whose bytes still hash to what this session verified, under
   * the same keys, is used as verified then. Without it (or after a browser restart, which empties it) every stored
   * copy is verified again, signatures and schema. storage.local is a file on disk that anyone with the disk can
   * edit, so a record kept there beside the envelopes would prove nothing; the session's memory cannot be edited so.
   */
  verified?: VerifiedCache;
  validatePack: ValidatePack<RulePack>;
  /** Refuses pack ids another source owns (the manager's scope rule); undefined means allowed. */
  scope?: (packId: string) => Refusal | undefined;
  now?: () => Date;
  timeoutMs?: number;
  maxBytes?: number;
  impl?: Ed25519;
}

export interface Refused {
  packId: string;
  version?: number;
  reason: RefusalCode;
  message: Bilingual;
}

export interface CheckResult {
  /** False when the index itself could not be read; nothing changed then. */
  ok: boolean;
  error?: Refusal;
  accepted: { packId: string; from?: number; to: number; diff: PackDiff }[];
  refused: Refused[];
  unchanged: string[];
  /** Same version and content under new signatures: the stored envelope was replaced. */
  resigned: string[];
  /** Set when a new key list was accepted. */
  rotatedKeys?: number;
}

export interface PackInUse {
  pack: RulePack;
  source: 'feed' | 'bundled';
  /** Past its expiry: still shown (nothing newer is trusted) but the UI says 规则已过期. */
  expired: boolean;
}

export interface Freshness {
  /** The newest verified timestamp, if any. */
  freshAt?: string;
  /** No fresh signed timestamp for `days` days (counted from the first check when none ever came). */
  stale: boolean;
  days: number;
}

const emptyState = (): FeedState => ({ highWater: {}, accepted: {}, packs: {} });

const asRefusal = (error: unknown): Refusal =>
  refusal('internal', { detail: error instanceof Error ? error.message : String(error) });

export function createUpdater(deps: UpdaterDeps) {
  const now = deps.now ?? (() => new Date());
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const { subscription } = deps;
  /** Per pack id, the newest stored copy that verified in this session. */
  let verified: Map<string, RulePack> | undefined;
  /** Stored copies that did not verify in this session (kept in the store until a replacement arrives). */
  let failed: Refused[] = [];

  async function load(): Promise<FeedState> {
    const parsed = FeedState.safeParse(await deps.store.get());
    if (!parsed.success) return emptyState();
    const state = parsed.data;
    // States written before digests were kept apart: the stored copies are the accepted ones.
    for (const [id, p] of Object.entries(state.packs)) {
      const digests = state.accepted[id] ?? {};
      for (const copy of [p, p.previous]) if (copy) digests[copy.version] ??= copy.digest;
      state.accepted[id] = digests;
    }
    return state;
  }

  /**
   * Keys in force: the subscription's, or a rotation accepted from exactly those keys. The threshold is the
   * higher of the subscription's and the key list's: raising it in the policy takes effect over a rotation.
   */
  function trust(state: FeedState): { trustedKeys: TrustedKey[]; threshold: number } {
    const base = subscription.trustedKeys.map((k) => k.kid).sort();
    const r = state.rotation;
    if (r && r.baseKids.length === base.length && r.baseKids.every((kid, i) => kid === base[i]))
      return { trustedKeys: r.keys, threshold: Math.max(subscription.threshold, r.threshold) };
    return { trustedKeys: subscription.trustedKeys, threshold: subscription.threshold };
  }

  const verifyOpts = (state: FeedState) => ({
    ...trust(state),
    maxBytes,
    validatePack: deps.validatePack,
    impl: deps.impl,
  });

  /** What a stored copy was verified as: its exact bytes, its payload digest, the keys and threshold in force. */
  async function recordKey(state: FeedState, copy: StoredCopy): Promise<string> {
    const { trustedKeys, threshold } = trust(state);
    const keys = trustedKeys.map((k) => `${k.kid}:${k.publicKey}`).sort();
    return `${await sha256Hex(utf8(copy.envelope))}|${copy.digest}|${threshold}|${keys.join(',')}`;
  }

  async function readRecord(): Promise<VerifiedRecord> {
    const raw = await deps.verified?.get().catch(() => undefined);
    if (!raw || typeof raw !== 'object') return {};
    const record: VerifiedRecord = {};
    for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
      const { key, pack } = (entry ?? {}) as { key?: unknown; pack?: unknown };
      if (typeof key === 'string' && pack && typeof pack === 'object') record[id] = { key, pack: pack as RulePack };
    }
    return record;
  }

  /** Remembers the copies in use as verified; a record that cannot be written only costs a full check next start. */
  async function remember(state: FeedState, inUse: Map<string, RulePack>, record: VerifiedRecord): Promise<void> {
    if (!deps.verified) return;
    const next: VerifiedRecord = {};
    for (const [id, pack] of inUse) {
      const copy = [state.packs[id], state.packs[id]?.previous].find((c) => c?.version === pack.version);
      if (copy) next[id] = record[id]?.pack === pack ? record[id]! : { key: await recordKey(state, copy), pack };
    }
    await deps.verified.put(next).catch(() => undefined);
  }

  /**
   * Re-checks every stored envelope against today's keys and schema, unless this browser session verified exactly
   * these bytes under these keys (`deps.verified`). Nothing is deleted: a copy that fails stays stored (unused)
   * until a check brings a replacement, and the pack id falls back to the previous stored copy, then to the bundled
   * one. Returns the copies that failed, for the caller to check the feed.
   */
  async function reverifyStored(): Promise<{ verified: string[]; failed: Refused[] }> {
    const state = await load();
    const opts = verifyOpts(state);
    const record = await readRecord();
    const good = new Map<string, RulePack>();
    const bad: Refused[] = [];
    let checked = false;
    for (const [packId, stored] of Object.entries(state.packs)) {
      for (const copy of [stored, stored.previous]) {
        if (!copy) continue;
        const seen = record[packId];
        if (seen && seen.pack.version === copy.version && seen.key === (await recordKey(state, copy))) {
          good.set(packId, seen.pack);
          break;
        }
        checked = true;
        let result: Awaited<ReturnType<typeof verifyEnvelope<RulePack>>>;
        try {
          result = await verifyEnvelope(copy.envelope, opts);
        } catch (error) {
          result = asRefusal(error);
        }
        if (result.ok && result.header.packId === packId && result.digest === copy.digest) {
          good.set(packId, result.pack);
          break;
        }
        const why = result.ok ? refusal('header-mismatch', { field: 'packId' }) : result;
        bad.push({ packId, version: copy.version, reason: why.reason, message: why.message });
      }
    }
    if (bad.length) await deps.store.put({ ...state, lastError: bad[0]!.message });
    if (checked || Object.keys(record).some((id) => record[id]!.pack !== good.get(id)))
      await remember(state, good, record);
    verified = good;
    failed = bad;
    return { verified: [...good.keys()], failed: bad };
  }

  /** Verifies the index's timestamp with the keys in force; records it when newer and not in the future. */
  async function checkTimestamp(index: FeedIndex, state: FeedState, at: Date): Promise<Refusal | undefined> {
    if (!index.timestamp) return undefined;
    const { trustedKeys, threshold } = trust(state);
    const impl = deps.impl ?? (await ed25519());
    const signers = await verifiedSigners(
      impl,
      timestampMessage(index, index.timestamp.at),
      index.timestamp.signatures,
      trustedKeys,
    );
    if (signers.size < Math.max(1, threshold))
      return refusal('timestamp', { detail: `${signers.size} / ${threshold} signatures` });
    const time = Date.parse(index.timestamp.at);
    if (!Number.isFinite(time)) return refusal('timestamp', { detail: index.timestamp.at });
    if (time > at.getTime() + CLOCK_SKEW_MS)
      return refusal('timestamp', {
        detail: `${index.timestamp.at} 晚于本机时间 / is later than this computer's clock`,
      });
    if (!state.freshAt || time > Date.parse(state.freshAt)) state.freshAt = new Date(time).toISOString();
    return undefined;
  }

  async function checkFeed(): Promise<CheckResult> {
    const result: CheckResult = { ok: true, accepted: [], refused: [], unchanged: [], resigned: [] };
    try {
      return await runCheck(result);
    } catch (error) {
      return { ...result, ok: false, error: asRefusal(error) };
    }
  }

  async function runCheck(result: CheckResult): Promise<CheckResult> {
    if (!verified) await reverifyStored();
    const state = await load();
    const checkedAt = now();
    state.since ??= checkedAt.toISOString();
    const download = (url: string, cap: number) =>
      fetchBytes(deps.fetch, url, { maxBytes: cap, timeoutMs: deps.timeoutMs });
    const fail = async (error: Refusal): Promise<CheckResult> => {
      await deps.store.put({ ...state, lastCheck: checkedAt.toISOString(), lastError: error.message });
      return { ...result, ok: false, error };
    };

    const indexFile = await download(subscription.feedUrl, MAX_INDEX_BYTES);
    if (!indexFile.ok) return fail(indexFile);
    const screened = screenFile(indexFile.bytes, MAX_INDEX_BYTES);
    if (!screened.ok) return fail(screened);
    const parsedIndex = parseOuter(screened.text, FeedIndex);
    if (!parsedIndex.ok) return fail(refusal('index', { detail: parsedIndex.message.en }));
    const index = parsedIndex.value;

    if (index.keys && index.keys.seq > (state.rotation?.seq ?? 0)) {
      const url = resolveFeedUrl(subscription.feedUrl, index.keys.url);
      const file = url
        ? await download(url, MAX_INDEX_BYTES)
        : refusal('index', { detail: `keys.url ${index.keys.url}` });
      const list = file.ok
        ? await acceptKeyList(file.bytes, { ...trust(state), lastSeq: state.rotation?.seq ?? 0, impl: deps.impl })
        : file;
      if (list.ok) {
        const baseKids = subscription.trustedKeys.map((k) => k.kid).sort();
        state.rotation = { seq: list.list.seq, threshold: list.list.threshold, keys: list.list.keys, baseKids };
        result.rotatedKeys = list.list.seq;
      } else result.refused.push({ packId: '(keys)', reason: list.reason, message: list.message });
    }

    const stamp = await checkTimestamp(index, state, checkedAt);

    const opts = verifyOpts(state);
    const next = new Map(verified);
    for (const [i, raw] of index.packs.entries()) {
      const read = readEntry(raw, i);
      if (!read.ok) {
        const r = refusal('index', { detail: read.detail });
        const id = (raw as { id?: unknown } | null)?.id;
        result.refused.push({
          packId: typeof id === 'string' ? id : `(packs.${i})`,
          reason: r.reason,
          message: r.message,
        });
        continue;
      }
      const entry = read.entry;
      const refuse = (r: Refusal): void => {
        result.refused.push({ packId: entry.id, version: entry.version, reason: r.reason, message: r.message });
      };
      try {
        await checkEntry(entry);
      } catch (error) {
        refuse(asRefusal(error));
      }

      async function checkEntry(entry: FeedEntry): Promise<void> {
        const outOfScope = deps.scope?.(entry.id);
        if (outOfScope) return refuse(outOfScope);
        const stored = state.packs[entry.id];
        // Unchanged only if the stored copy also verified in this session; a failed copy is fetched again.
        if (stored && stored.fileSha256 === entry.sha256 && next.has(entry.id)) {
          result.unchanged.push(entry.id);
          return;
        }
        const url = resolveFeedUrl(subscription.feedUrl, entry.url);
        if (!url) return refuse(refusal('index', { detail: `url ${entry.url}` }));
        const file = await download(url, maxBytes);
        if (!file.ok) return refuse(file);
        const fileSha256 = await sha256Hex(file.bytes);
        if (fileSha256 !== entry.sha256) return refuse(refusal('index-mismatch'));
        const accepted = await acceptEnvelope(file.bytes, {
          ...opts,
          now: checkedAt,
          highWater: (id) => state.highWater[id],
          knownDigest: (id, version) => state.accepted[id]?.[version],
        });
        if (!accepted.ok) return refuse(accepted);
        if (accepted.header.packId !== entry.id) return refuse(refusal('index-mismatch'));
        const copy: StoredCopy = {
          version: accepted.header.packVersion,
          digest: accepted.digest,
          fileSha256,
          envelope: fromUtf8(file.bytes)!,
          acceptedAt: checkedAt.toISOString(),
        };
        const previous = next.get(entry.id);
        if (accepted.resigned) {
          // Content accepted before, under new signatures (a key rotation): it replaces the stored copy of that
          // version, or becomes the copy in use when none verifies now. An older version than the one in use is
          // still a rollback: it is refused and reported, never applied.
          if (stored?.version === copy.version) state.packs[entry.id] = { ...copy, previous: stored.previous };
          else if (!previous) state.packs[entry.id] = copy;
          else
            return refuse(
              refusal('rollback', { version: copy.version, highWater: state.highWater[entry.id] ?? previous.version }),
            );
          if (!previous || previous.version <= copy.version) next.set(entry.id, accepted.pack);
          result.resigned.push(entry.id);
          return;
        }
        const { previous: _older, ...current } = stored ?? {};
        state.packs[entry.id] = { ...copy, ...(stored ? { previous: current as StoredCopy } : {}) };
        const digests = state.accepted[entry.id] ?? {};
        state.accepted[entry.id] = digests;
        digests[copy.version] = copy.digest;
        for (const v of Object.keys(digests)
          .map(Number)
          .sort((a, b) => b - a)
          .slice(MAX_DIGESTS_PER_PACK))
          delete digests[v];
        state.highWater[entry.id] = Math.max(state.highWater[entry.id] ?? 0, copy.version);
        next.set(entry.id, accepted.pack);
        result.accepted.push({
          packId: entry.id,
          from: previous?.version,
          to: copy.version,
          diff: diffPacks(previous, accepted.pack),
        });
      }
    }

    if (stamp) result.refused.push({ packId: '(timestamp)', reason: stamp.reason, message: stamp.message });
    // One put: the new packs, their high-water marks and the check's outcome land together or not at all.
    await deps.store.put({ ...state, lastCheck: checkedAt.toISOString(), lastError: result.refused[0]?.message });
    if (result.accepted.length || result.resigned.length) await remember(state, next, await readRecord());
    verified = next;
    failed = failed.filter(
      (f) => !result.accepted.some((a) => a.packId === f.packId) && !result.resigned.includes(f.packId),
    );
    return result;
  }

  /**
   * The packs to apply: per pack id, the verified download or the bundled copy, whichever is newer;
   * an error for a pack id known to this feed that has neither (its stored copies failed re-verification).
   * Never throws: a store that cannot be read gives the bundled packs.
   */
  async function currentPacks(bundled: RulePack[]): Promise<{ packs: PackInUse[]; errors: Refused[] }> {
    let state: FeedState;
    try {
      if (!verified) await reverifyStored();
      state = await load();
    } catch {
      state = emptyState();
      verified ??= new Map();
    }
    const at = now();
    const ids = new Set([...bundled.map((p) => p.id), ...verified!.keys(), ...Object.keys(state.highWater)]);
    const packs: PackInUse[] = [];
    const errors: Refused[] = [];
    for (const id of [...ids].sort()) {
      const fromFeed = verified!.get(id);
      const builtIn = bundled.find((p) => p.id === id);
      const pick =
        fromFeed && (!builtIn || fromFeed.version >= builtIn.version)
          ? { pack: fromFeed, source: 'feed' as const }
          : builtIn
            ? { pack: builtIn, source: 'bundled' as const }
            : undefined;
      if (pick) packs.push({ ...pick, expired: isExpired(pick.pack.expires, at) });
      else {
        const r = refusal('no-rules', { packId: id });
        errors.push({ packId: id, reason: r.reason, message: r.message });
      }
    }
    return { packs, errors };
  }

  /** Whether the feed produced a fresh signed timestamp within its N days. */
  async function freshness(): Promise<Freshness> {
    const days = subscription.staleDays ?? FRESH_DAYS;
    const state = await load().catch(emptyState);
    const from = state.freshAt ?? state.since;
    const stale = from !== undefined && now().getTime() - Date.parse(from) > days * 86_400_000;
    return { freshAt: state.freshAt, stale, days };
  }

  return { checkFeed, reverifyStored, currentPacks, freshness, failed: () => failed };
}

export type Updater = ReturnType<typeof createUpdater>;
