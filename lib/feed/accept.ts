import { ed25519, type Ed25519 } from './crypto';
import { fromBase64Url, sha256Hex } from './encoding';
import {
  PackEnvelope,
  packMessage,
  parseOuter,
  parseVerifiedPayload,
  verifiedSigners,
  type PackHeader,
} from './envelope';
import { refusal, type Refusal } from './refusal';
import { DEFAULT_MAX_BYTES, screenFile } from './screen';
import type { TrustedKey } from './keyFile';

/** The pack check is injected so lib/feed does not depend on the rule engine (lib/packs owns the schema). */
export type ValidatePack<P> = (json: unknown) => { ok: true; pack: P } | { ok: false; errors: string[] };

/** The fields of a pack the envelope header must agree with. */
export interface PackIdentity {
  id: string;
  version: number;
  expires: string;
}

export interface VerifyOptions<P extends PackIdentity> {
  trustedKeys: TrustedKey[];
  /** Signatures by this many distinct trusted keys are required (k of n). */
  threshold: number;
  maxBytes?: number;
  validatePack: ValidatePack<P>;
  /** Defaults to the runtime's best (WebCrypto, else noble); tests and the bench pass one explicitly. */
  impl?: Ed25519;
}

export interface AcceptOptions<P extends PackIdentity> extends VerifyOptions<P> {
  now: Date;
  /** Highest version of this pack accepted so far, kept by the caller across restarts. */
  highWater: (packId: string) => number | undefined;
  /** SHA-256 (hex) of the payload already accepted for this pack and version, if any. */
  knownDigest: (packId: string, version: number) => string | undefined;
}

export interface Verified<P> {
  ok: true;
  pack: P;
  header: PackHeader;
  /** SHA-256 (hex) of the payload bytes: identifies the content of one version. */
  digest: string;
}

/**
 * Authenticity only: size, shape, k-of-n signatures, then (and only then) the payload is decoded,
 * parsed and validated, and the header is compared with the pack. Used on download and again at
 * startup on stored envelopes (a store can be tampered with; a signature cannot).
 */
export async function verifyEnvelope<P extends PackIdentity>(
  input: Uint8Array | string,
  opts: VerifyOptions<P>,
): Promise<Verified<P> | Refusal> {
  const screened = screenFile(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!screened.ok) return screened;
  const outer = parseOuter(screened.text, PackEnvelope);
  if (!outer.ok) return outer;
  const envelope = outer.value;
  const payload = fromBase64Url(envelope.payload);
  if (!payload) return refusal('malformed', { detail: 'payload: not base64url' });

  const impl = opts.impl ?? (await ed25519());
  const signers = await verifiedSigners(impl, packMessage(envelope, payload), envelope.signatures, opts.trustedKeys);
  const k = Math.max(1, opts.threshold);
  if (signers.size < k) return refusal('signature', { k, n: signers.size });

  // Past this line the bytes are the signers' own: only now is the payload read.
  const read = parseVerifiedPayload(payload);
  if (!read.ok) return read;
  const validated = opts.validatePack(read.json);
  if (!validated.ok) return refusal('schema', { detail: validated.errors.slice(0, 5).join('; ') });
  const pack = validated.pack;
  const header: PackHeader = { packId: envelope.packId, packVersion: envelope.packVersion, expires: envelope.expires };
  if (pack.id !== header.packId) return refusal('header-mismatch', { field: 'packId' });
  if (pack.version !== header.packVersion) return refusal('header-mismatch', { field: 'packVersion' });
  if (pack.expires !== header.expires) return refusal('header-mismatch', { field: 'expires' });
  return { ok: true, pack, header, digest: await sha256Hex(payload) };
}

/**
 * Whether a pack may replace the one in use: authentic (verifyEnvelope), not a different content under
 * an already accepted version, newer than the high-water mark, and not expired. The same version with
 * the same content is refused as "already-have", which callers treat as "nothing to do".
 */
export async function acceptEnvelope<P extends PackIdentity>(
  input: Uint8Array | string,
  opts: AcceptOptions<P>,
): Promise<Verified<P> | Refusal> {
  const verified = await verifyEnvelope(input, opts);
  if (!verified.ok) return verified;
  const { packId, packVersion: version, expires } = verified.header;
  const known = opts.knownDigest(packId, version);
  if (known !== undefined)
    return known === verified.digest ? refusal('already-have', { version }) : refusal('version-conflict', { version });
  const highWater = opts.highWater(packId);
  if (highWater !== undefined && version <= highWater) return refusal('rollback', { version, highWater });
  if (isExpired(expires, opts.now)) return refusal('expired', { expires });
  return verified;
}

/** A pack is valid through its `expires` day, counted in China time (UTC+8), where the guidelines apply. */
export function isExpired(expires: string, now: Date): boolean {
  const chinaToday = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return chinaToday > expires;
}
