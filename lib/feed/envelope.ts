import { z } from 'zod';
import type { Ed25519 } from './crypto';
import { concatBytes, fromBase64Url, fromUtf8, toBase64Url, utf8, type Bytes } from './encoding';
import type { SigningKey, TrustedKey } from './keyFile';
import { refusal, type Refusal } from './refusal';

/**
 * The signed envelope around one rule pack. The payload is the pack file's exact bytes (base64url),
 * so what the admin reviewed is byte for byte what applicants run. zod checks the outer shape only:
 * the payload is not looked into until the signatures verify (lib/feed/accept.ts).
 */
export const ENVELOPE_FORMAT = 'guidecheck-signed-pack';
const MAX_SIGNATURES = 16;

export const Signature = z.object({ kid: z.string().regex(/^[0-9a-f]{16}$/), sig: z.string().min(1).max(200) });
export type Signature = z.infer<typeof Signature>;

export const PackEnvelope = z.object({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(1),
  packId: z.string().regex(/^[a-z0-9-]{1,100}$/),
  packVersion: z.number().int().positive(),
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
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
  const message = packMessage(header, payload);
  const signatures: Signature[] = [];
  for (const key of keys) signatures.push({ kid: key.kid, sig: toBase64Url(await impl.sign(key.seed, message)) });
  return { format: ENVELOPE_FORMAT, version: 1, ...header, payload: toBase64Url(payload), signatures };
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

/** Reads a verified payload as UTF-8 JSON. Call only after the signatures verified. */
export function parseVerifiedPayload(payload: Uint8Array): { ok: true; json: unknown } | Refusal {
  const text = fromUtf8(payload);
  if (text === undefined) return refusal('payload');
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return refusal('payload');
  }
}
