import { sha256Hex } from './encoding';
import { openSigned, PackEnvelope, packMessage, type OpenOptions, type PackHeader } from './envelope';
import { refusal, type Refusal } from './refusal';

/** The pack check is injected so lib/feed does not depend on the rule engine (lib/packs owns the schema). */
export type ValidatePack<P> = (json: unknown) => { ok: true; pack: P } | { ok: false; errors: string[] };

/** The fields of a pack the envelope header must agree with. */
export interface PackIdentity {
  id: string;
  version: number;
  expires: string;
}

export interface VerifyOptions<P extends PackIdentity> extends OpenOptions {
  validatePack: ValidatePack<P>;
}

export interface AcceptOptions<P extends PackIdentity> extends VerifyOptions<P> {
  now: Date;
  /** Highest version of this pack accepted so far, kept by the caller across restarts. */
  highWater: (packId: string) => number | undefined;
  /** SHA-256 (hex) of the payload accepted for this pack and version, if any (kept apart from stored packs). */
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
 * Authenticity only: the shared signed-file path (openSigned), then the pack schema, then the header is
 * compared with the pack. Used on download and again at startup on stored envelopes (a store can be
 * tampered with; a signature cannot).
 */
export async function verifyEnvelope<P extends PackIdentity>(
  input: Uint8Array | string,
  opts: VerifyOptions<P>,
): Promise<Verified<P> | Refusal> {
  const opened = await openSigned(input, PackEnvelope, packMessage, opts);
  if (!opened.ok) return opened;
  let validated: ReturnType<ValidatePack<P>>;
  try {
    validated = opts.validatePack(opened.json);
  } catch (error) {
    return refusal('schema', { detail: `validator error: ${(error as Error).message}` });
  }
  if (!validated.ok) return refusal('schema', { detail: validated.errors.slice(0, 5).join('; ') });
  const pack = validated.pack;
  const { packId, packVersion, expires } = opened.envelope;
  const header: PackHeader = { packId, packVersion, expires };
  if (pack.id !== header.packId) return refusal('header-mismatch', { field: 'packId' });
  if (pack.version !== header.packVersion) return refusal('header-mismatch', { field: 'packVersion' });
  if (pack.expires !== header.expires) return refusal('header-mismatch', { field: 'expires' });
  return { ok: true, pack, header, digest: await sha256Hex(opened.payload) };
}

/**
 * Whether a pack may be stored: authentic (verifyEnvelope), and either
 * - exactly the content already accepted under this version (`resigned`: the same pack under new signatures,
 *   as after a key rotation; it replaces the stored envelope whatever the high-water mark or expiry), or
 * - a new version: above the high-water mark and not expired.
 * A different content under an already accepted version is refused.
 */
export async function acceptEnvelope<P extends PackIdentity>(
  input: Uint8Array | string,
  opts: AcceptOptions<P>,
): Promise<(Verified<P> & { resigned: boolean }) | Refusal> {
  const verified = await verifyEnvelope(input, opts);
  if (!verified.ok) return verified;
  const { packId, packVersion: version, expires } = verified.header;
  const known = opts.knownDigest(packId, version);
  if (known !== undefined)
    return known === verified.digest ? { ...verified, resigned: true } : refusal('version-conflict', { version });
  const highWater = opts.highWater(packId);
  if (highWater !== undefined && version <= highWater) return refusal('rollback', { version, highWater });
  if (isExpired(expires, opts.now)) return refusal('expired', { expires });
  return { ...verified, resigned: false };
}

/** A pack is valid through its `expires` day, counted in China time (UTC+8), where the guidelines apply. */
export function isExpired(expires: string, now: Date): boolean {
  const chinaToday = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return chinaToday > expires;
}
