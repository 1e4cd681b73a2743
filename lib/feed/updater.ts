import { z } from 'zod';
import { BilingualSchema } from '../core/schemas';
import type { RulePack } from '../packs/schema';
import { acceptEnvelope, isExpired, verifyEnvelope, type ValidatePack } from './accept';
import type { Ed25519 } from './crypto';
import { fromUtf8, sha256Hex } from './encoding';
import { diffPacks, type PackDiff } from './diff';
import { FeedIndex, MAX_INDEX_BYTES, resolveFeedUrl } from './feedIndex';
import { fetchBytes, type FetchFn } from './fetch';
import { TrustedKey } from './keyFile';
import { acceptKeyList } from './keys';
import { refusal, type Refusal, type RefusalCode } from './refusal';
import { DEFAULT_MAX_BYTES, screenFile } from './screen';
import { parseOuter } from './envelope';
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
}

const StoredPack = z.object({
  version: z.number().int().positive(),
  /** SHA-256 of the payload (the pack's bytes). */
  digest: z.string(),
  /** SHA-256 of the envelope file, as listed in the index: an unchanged entry is not downloaded again. */
  fileSha256: z.string(),
  /** The envelope exactly as received, re-verified at every start. */
  envelope: z.string(),
  acceptedAt: z.string(),
});

export const FeedState = z.object({
  /** Highest version accepted per pack id; never lowered, even when a stored pack is dropped. */
  highWater: z.record(z.string(), z.number()),
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
  lastCheck: z.string().optional(),
  lastError: BilingualSchema.optional(),
});
export type FeedState = z.infer<typeof FeedState>;

export interface FeedStore {
  get(): Promise<unknown>;
  put(state: FeedState): Promise<void>;
}

export interface UpdaterDeps {
  subscription: Subscription;
  fetch: FetchFn;
  store: FeedStore;
  validatePack: ValidatePack<RulePack>;
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
  /** Set when a new key list was accepted. */
  rotatedKeys?: number;
}

export interface PackInUse {
  pack: RulePack;
  source: 'feed' | 'bundled';
  /** Past its expiry: still shown (nothing newer is trusted) but the UI says 规则已过期. */
  expired: boolean;
}

const emptyState = (): FeedState => ({ highWater: {}, packs: {} });

export function createUpdater(deps: UpdaterDeps) {
  const now = deps.now ?? (() => new Date());
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const { subscription } = deps;
  /** Packs whose stored envelope verified in this session. */
  let verified: Map<string, RulePack> | undefined;

  async function load(): Promise<FeedState> {
    const parsed = FeedState.safeParse(await deps.store.get());
    return parsed.success ? parsed.data : emptyState();
  }

  /** Keys in force: the subscription's, or a rotation accepted from exactly those keys. */
  function trust(state: FeedState): { trustedKeys: TrustedKey[]; threshold: number } {
    const base = subscription.trustedKeys.map((k) => k.kid).sort();
    const r = state.rotation;
    if (r && r.baseKids.length === base.length && r.baseKids.every((kid, i) => kid === base[i]))
      return { trustedKeys: r.keys, threshold: r.threshold };
    return { trustedKeys: subscription.trustedKeys, threshold: subscription.threshold };
  }

  /** Re-checks every stored envelope against today's keys and schema; drops (and reports) those that fail. */
  async function reverifyStored(): Promise<{ verified: string[]; dropped: Refused[] }> {
    const state = await load();
    const keys = trust(state);
    const good = new Map<string, RulePack>();
    const dropped: Refused[] = [];
    for (const [packId, stored] of Object.entries(state.packs)) {
      const result = await verifyEnvelope(stored.envelope, {
        ...keys,
        maxBytes,
        validatePack: deps.validatePack,
        impl: deps.impl,
      });
      if (result.ok && result.header.packId === packId) good.set(packId, result.pack);
      else {
        const why = result.ok ? refusal('header-mismatch', { field: 'packId' }) : result;
        dropped.push({ packId, version: stored.version, reason: why.reason, message: why.message });
        delete state.packs[packId];
      }
    }
    if (dropped.length) await deps.store.put({ ...state, lastError: dropped[0]!.message });
    verified = good;
    return { verified: [...good.keys()], dropped };
  }

  async function checkFeed(): Promise<CheckResult> {
    if (!verified) await reverifyStored();
    const state = await load();
    const result: CheckResult = { ok: true, accepted: [], refused: [], unchanged: [] };
    const checkedAt = now();
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
      const keys = trust(state);
      const list = file.ok
        ? await acceptKeyList(file.bytes, { ...keys, lastSeq: state.rotation?.seq ?? 0, impl: deps.impl })
        : file;
      if (list.ok) {
        const baseKids = subscription.trustedKeys.map((k) => k.kid).sort();
        state.rotation = { seq: list.list.seq, threshold: list.list.threshold, keys: list.list.keys, baseKids };
        result.rotatedKeys = list.list.seq;
      } else result.refused.push({ packId: '(keys)', reason: list.reason, message: list.message });
    }

    const keys = trust(state);
    const next = new Map(verified);
    for (const entry of index.packs) {
      const stored = state.packs[entry.id];
      if (stored && stored.fileSha256 === entry.sha256) {
        result.unchanged.push(entry.id);
        continue;
      }
      const refuse = (r: Refusal) =>
        result.refused.push({ packId: entry.id, version: entry.version, reason: r.reason, message: r.message });
      const url = resolveFeedUrl(subscription.feedUrl, entry.url);
      if (!url) {
        refuse(refusal('index', { detail: `url ${entry.url}` }));
        continue;
      }
      const file = await download(url, maxBytes);
      if (!file.ok) {
        refuse(file);
        continue;
      }
      const fileSha256 = await sha256Hex(file.bytes);
      if (fileSha256 !== entry.sha256) {
        refuse(refusal('index-mismatch'));
        continue;
      }
      const accepted = await acceptEnvelope(file.bytes, {
        ...keys,
        maxBytes,
        validatePack: deps.validatePack,
        impl: deps.impl,
        now: checkedAt,
        highWater: (id) => state.highWater[id],
        knownDigest: (id, version) => (state.packs[id]?.version === version ? state.packs[id]!.digest : undefined),
      });
      if (!accepted.ok) {
        if (accepted.reason === 'already-have') result.unchanged.push(entry.id);
        else refuse(accepted);
        continue;
      }
      if (accepted.header.packId !== entry.id) {
        refuse(refusal('index-mismatch'));
        continue;
      }
      const previous = next.get(entry.id);
      state.packs[entry.id] = {
        version: accepted.header.packVersion,
        digest: accepted.digest,
        fileSha256,
        envelope: fromUtf8(file.bytes)!,
        acceptedAt: checkedAt.toISOString(),
      };
      state.highWater[entry.id] = Math.max(state.highWater[entry.id] ?? 0, accepted.header.packVersion);
      next.set(entry.id, accepted.pack);
      result.accepted.push({
        packId: entry.id,
        from: previous?.version,
        to: accepted.header.packVersion,
        diff: diffPacks(previous, accepted.pack),
      });
    }

    // One put: the new packs, their high-water marks and the check's outcome land together or not at all.
    await deps.store.put({ ...state, lastCheck: checkedAt.toISOString(), lastError: result.refused[0]?.message });
    verified = next;
    return result;
  }

  /**
   * The packs to apply: per pack id, the verified download or the bundled copy, whichever is newer;
   * an error for a pack id known to this feed that has neither (its stored copy failed re-verification).
   */
  async function currentPacks(bundled: RulePack[]): Promise<{ packs: PackInUse[]; errors: Refused[] }> {
    if (!verified) await reverifyStored();
    const state = await load();
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

  return { checkFeed, reverifyStored, currentPacks };
}

export type Updater = ReturnType<typeof createUpdater>;
