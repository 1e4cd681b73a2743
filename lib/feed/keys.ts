import { z } from 'zod';
import { ed25519, keyId, type Ed25519 } from './crypto';
import { concatBytes, fromBase64Url, toBase64Url, utf8, type Bytes } from './encoding';
import { Signature, parseOuter, parseVerifiedPayload, verifiedSigners } from './envelope';
import { TrustedKey, type SigningKey } from './keyFile';
import { refusal, type Refusal } from './refusal';
import { DEFAULT_MAX_BYTES, screenFile } from './screen';

/**
 * Key rotation: a signed list of the keys to trust from now on. It is accepted only when signed by
 * k of the keys trusted now (the institution consents) and by every key it adds (each new key holder
 * proves possession). `seq` only rises, so an old list cannot be replayed to bring back a retired key.
 */
export const KEYS_FORMAT = 'guidecheck-signed-keys';
const MAX_KEYS = 16;

export const KeyListEnvelope = z.object({
  format: z.literal(KEYS_FORMAT),
  version: z.literal(1),
  seq: z.number().int().positive(),
  payload: z.string().min(1),
  signatures: z
    .array(Signature)
    .min(1)
    .max(MAX_KEYS * 2),
});
export type KeyListEnvelope = z.infer<typeof KeyListEnvelope>;

export const KeyList = z
  .object({
    seq: z.number().int().positive(),
    threshold: z.number().int().positive(),
    keys: z.array(TrustedKey).min(1).max(MAX_KEYS),
  })
  .refine((l) => l.threshold <= l.keys.length, { message: 'threshold > number of keys' });
export type KeyList = z.infer<typeof KeyList>;

function keyListMessage(seq: number, payload: Uint8Array): Bytes {
  return concatBytes(utf8(`GuideCheck key list v1\n${seq}\n`), payload);
}

/** Signs a key list: pass k current keys and every new key. */
export async function signKeyList(impl: Ed25519, list: KeyList, signers: SigningKey[]): Promise<KeyListEnvelope> {
  const payload = utf8(JSON.stringify(list));
  const message = keyListMessage(list.seq, payload);
  const signatures = [];
  for (const key of signers) signatures.push({ kid: key.kid, sig: toBase64Url(await impl.sign(key.seed, message)) });
  return { format: KEYS_FORMAT, version: 1, seq: list.seq, payload: toBase64Url(payload), signatures };
}

export interface KeyListOptions {
  trustedKeys: TrustedKey[];
  threshold: number;
  /** seq of the last key list accepted (0 when none). */
  lastSeq: number;
  maxBytes?: number;
  impl?: Ed25519;
}

export async function acceptKeyList(
  input: Uint8Array | string,
  opts: KeyListOptions,
): Promise<{ ok: true; list: KeyList } | Refusal> {
  const screened = screenFile(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!screened.ok) return screened;
  const outer = parseOuter(screened.text, KeyListEnvelope);
  if (!outer.ok) return outer;
  const envelope = outer.value;
  const payload = fromBase64Url(envelope.payload);
  if (!payload) return refusal('malformed', { detail: 'payload: not base64url' });

  const impl = opts.impl ?? (await ed25519());
  const message = keyListMessage(envelope.seq, payload);
  const k = Math.max(1, opts.threshold);
  const current = await verifiedSigners(impl, message, envelope.signatures, opts.trustedKeys);
  if (current.size < k) return refusal('signature', { k, n: current.size });
  if (envelope.seq <= opts.lastSeq) {
    return refusal('key-list', { detail: `seq ${envelope.seq} ≤ ${opts.lastSeq}` });
  }

  const read = parseVerifiedPayload(payload);
  if (!read.ok) return read;
  const parsed = KeyList.safeParse(read.json);
  if (!parsed.success) return refusal('key-list', { detail: parsed.error.issues[0]!.message });
  const list = parsed.data;
  if (list.seq !== envelope.seq) return refusal('header-mismatch', { field: 'seq' });
  for (const key of list.keys) {
    if ((await keyId(fromBase64Url(key.publicKey)!)) !== key.kid)
      return refusal('key-list', { detail: `kid ${key.kid} ≠ public key` });
  }
  const trustedNow = new Set(opts.trustedKeys.map((t) => t.kid));
  const added = list.keys.filter((key) => !trustedNow.has(key.kid));
  const addedSigned = await verifiedSigners(impl, message, envelope.signatures, added);
  const unsigned = added.filter((key) => !addedSigned.has(key.kid));
  if (unsigned.length > 0)
    return refusal('key-list', { detail: `new key ${unsigned.map((u) => u.kid).join(', ')} did not sign` });
  return { ok: true, list };
}
