import { z } from 'zod';
import { ed25519, type Ed25519 } from './crypto';
import { concatBytes, fromBase64Url, fromUtf8, toBase64Url, utf8, type Bytes } from './encoding';
import type { SigningKey, TrustedKey } from './keyFile';
import { jsonLimitProblem } from './limits';
import { refusal, type Refusal } from './refusal';
import { DEFAULT_MAX_BYTES, screenFile } from './screen';

/**
 * The signed envelope around one rule pack. The payload is the pack file's exact bytes (base64url),
 * so what the admin reviewed is byte for byte what applicants run. zod checks the outer shape only:
 * the payload is not looked into until the signatures verify (lib/feed/accept.ts).
 */
export const ENVELOPE_FORMAT = 'guidecheck-signed-pack';
const MAX_SIGNATURES = 16;

export const Signature = z.object({ kid: z.string().regex(/^[0-9a-f]{16}$/), sig: z.string().min(1).max(200) });
export type Signature = z.infer<typeof Signature>;

export const PackId = z.string().regex(/^[a-z0-9-]{1,100}$/);

/** YYYY-MM-DD that is a real day: "2099-02-30" would compare as a string but is no date anyone meant. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) => {
      const ms = Date.parse(`${s}T00:00:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
    },
    { message: '不存在的日期 / no such date' },
  );

export const PackEnvelope = z.object({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(1),
  packId: PackId,
  packVersion: z.number().int().positive(),
  expires: CalendarDate,
  payload: z.string().min(1),
  signatures: z.array(Signature).min(1).max(MAX_SIGNATURES),
});
export type PackEnvelope = z.infer<typeof PackEnvelope>;

export type PackHeader = Pick<PackEnvelope, 'packId' | 'packVersion' | 'expires'>;

/**
 * What is signed: a domain-separation prefix, the header fields, then the payload bytes.
 * The header is inside the signature so a signature cannot be replayed for another pack, version or expiry;
 * the prefix keeps it from being valid as any other kind of GuideCheck signature (e.g. a key list).
 * The header fields cannot contain "\n" (their schema forbids it), so the split is unambiguous.
 */
export function packMessage(header: PackHeader, payload: Uint8Array): Bytes {
  return concatBytes(
    utf8(`GuideCheck rule pack v1\n${header.packId}\n${header.packVersion}\n${header.expires}\n`),
    payload,
  );
}

export async function signPack(
  impl: Ed25519,
  header: PackHeader,
  payload: Uint8Array,
  keys: SigningKey[],
): Promise<PackEnvelope> {
  const signatures = await signAll(impl, packMessage(header, payload), keys);
  return { format: ENVELOPE_FORMAT, version: 1, ...header, payload: toBase64Url(payload), signatures };
}

/** One signature per key over `message`: packs, key lists and feed timestamps are signed alike. */
export async function signAll(impl: Ed25519, message: Uint8Array, keys: SigningKey[]): Promise<Signature[]> {
  const signatures: Signature[] = [];
  for (const key of keys) signatures.push({ kid: key.kid, sig: toBase64Url(await impl.sign(key.seed, message)) });
  return signatures;
}

export function serializeEnvelope(envelope: object): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** Parses a screened file's text as JSON and checks it against `schema`; the payload stays undecoded. */
export function parseOuter<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | Refusal {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refusal('malformed', { detail: 'not JSON' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refusal('malformed', { detail: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  return { ok: true, value: parsed.data };
}

/**
 * The distinct trusted keys with a valid signature over `message`. Signatures by unknown kids are ignored,
 * and a second signature by an already counted key counts once (MAX_SIGNATURES bounds the work).
 */
export async function verifiedSigners(
  impl: Ed25519,
  message: Uint8Array,
  signatures: Signature[],
  trustedKeys: TrustedKey[],
): Promise<Set<string>> {
  const byKid = new Map(trustedKeys.map((k) => [k.kid, k]));
  const valid = new Set<string>();
  for (const { kid, sig } of signatures) {
    const key = byKid.get(kid);
    if (!key || valid.has(kid)) continue;
    const raw = fromBase64Url(sig);
    const publicKey = fromBase64Url(key.publicKey);
    if (!raw || !publicKey) continue;
    if (await impl.verify(publicKey, message, raw)) valid.add(kid);
  }
  return valid;
}

export interface OpenOptions {
  trustedKeys: TrustedKey[];
  /** Signatures by this many distinct trusted keys are required (k of n). */
  threshold: number;
  maxBytes?: number;
  /** Defaults to the runtime's best (WebCrypto, else noble); tests and the bench pass one explicitly. */
  impl?: Ed25519;
}

export interface Opened<E> {
  ok: true;
  envelope: E;
  payload: Bytes;
  /** The signed bytes, for callers that check further signers (a key list's new keys). */
  message: Bytes;
  /** The payload as JSON, within JSON_LIMITS: safe to hand to a schema. */
  json: unknown;
  impl: Ed25519;
}

/**
 * The one path for every signed file (packs, key lists, feed timestamps): screen the bytes, check the
 * outer shape, decode the payload, require k distinct trusted signatures, and only then read the payload
 * as JSON and check its depth and string sizes. Never throws: every failure is a Refusal.
 */
export async function openSigned<E extends { payload: string; signatures: Signature[] }>(
  input: Uint8Array | string,
  schema: z.ZodType<E>,
  signedMessage: (envelope: E, payload: Bytes) => Bytes,
  opts: OpenOptions,
): Promise<Opened<E> | Refusal> {
  const screened = screenFile(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!screened.ok) return screened;
  const outer = parseOuter(screened.text, schema);
  if (!outer.ok) return outer;
  const envelope = outer.value;
  const payload = fromBase64Url(envelope.payload);
  if (!payload) return refusal('malformed', { detail: 'payload: not base64url' });

  const impl = opts.impl ?? (await ed25519());
  const message = signedMessage(envelope, payload);
  const signers = await verifiedSigners(impl, message, envelope.signatures, opts.trustedKeys);
  const k = Math.max(1, opts.threshold);
  if (signers.size < k) return refusal('signature', { k, n: signers.size });

  // Past this line the bytes are the signers' own: only now is the payload read.
  const text = fromUtf8(payload);
  if (text === undefined) return refusal('payload');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refusal('payload');
  }
  const tooBig = jsonLimitProblem(json);
  if (tooBig) return refusal('limits', { detail: tooBig });
  return { ok: true, envelope, payload, message, json, impl };
}
