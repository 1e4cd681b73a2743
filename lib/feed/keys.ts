import { z } from 'zod';
import { keyId, type Ed25519 } from './crypto';
import { concatBytes, fromBase64Url, toBase64Url, utf8, type Bytes } from './encoding';
import { openSigned, Signature, signAll, verifiedSigners, type OpenOptions } from './envelope';
import { checkKeySet, TrustedKey, type SigningKey } from './keyFile';
import { refusal, type Refusal } from './refusal';
import { DEFAULT_MAX_BYTES } from './screen';

/**
 * Key rotation: a signed list of the keys to trust from now on. It is accepted only when signed by
 * k of the keys trusted now (the institution consents), by its own threshold of its own keys, and by every
 * key it adds (each new key holder proves possession). `seq` only rises, so an old list cannot be replayed
 * to bring back a retired key.
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
  .superRefine((l, ctx) =>
    checkKeySet(
      l.keys.map((k) => k.publicKey),
      l.threshold,
      ctx,
      'keys',
    ),
  );
export type KeyList = z.infer<typeof KeyList>;

function keyListMessage(seq: number, payload: Uint8Array): Bytes {
  return concatBytes(utf8(`GuideCheck key list v1\n${seq}\n`), payload);
}

/** Signs a key list: pass k current keys and every new key. */
export async function signKeyList(impl: Ed25519, list: KeyList, signers: SigningKey[]): Promise<KeyListEnvelope> {
  const payload = utf8(JSON.stringify(list));
  const signatures = await signAll(impl, keyListMessage(list.seq, payload), signers);
  return { format: KEYS_FORMAT, version: 1, seq: list.seq, payload: toBase64Url(payload), signatures };
}

export interface KeyListOptions extends OpenOptions {
  /** seq of the last key list accepted (0 when none). */
  lastSeq: number;
}

/**
 * A new key list is accepted when signed by k distinct keys trusted now (k: the effective threshold the
 * caller passes, the higher of the subscription's and the current list's), by as many of its own keys as
 * its own threshold (so a list cannot announce a k its holders never met), and by every key it adds.
 */
export async function acceptKeyList(
  input: Uint8Array | string,
  opts: KeyListOptions,
): Promise<{ ok: true; list: KeyList } | Refusal> {
  const opened = await openSigned(input, KeyListEnvelope, (e, payload) => keyListMessage(e.seq, payload), {
    ...opts,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
  });
  if (!opened.ok) return opened;
  const { envelope, message, impl } = opened;
  if (envelope.seq <= opts.lastSeq) return refusal('key-list', { detail: `seq ${envelope.seq} ≤ ${opts.lastSeq}` });
  const parsed = KeyList.safeParse(opened.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refusal('key-list', { detail: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  const list = parsed.data;
  if (list.seq !== envelope.seq) return refusal('header-mismatch', { field: 'seq' });
  for (const key of list.keys) {
    if ((await keyId(fromBase64Url(key.publicKey)!)) !== key.kid)
      return refusal('key-list', { detail: `kid ${key.kid} ≠ public key` });
  }
  const ownSigners = await verifiedSigners(impl, message, envelope.signatures, list.keys);
  if (ownSigners.size < list.threshold)
    return refusal('key-list', {
      detail: `签名来自新列表中 ${ownSigners.size} 个密钥，新列表要求 ${list.threshold} 个 / signed by ${ownSigners.size} of its own keys, its threshold is ${list.threshold}`,
    });
  const trustedNow = new Set(opts.trustedKeys.map((t) => t.kid));
  const unsigned = list.keys.filter((key) => !trustedNow.has(key.kid) && !ownSigners.has(key.kid));
  if (unsigned.length > 0)
    return refusal('key-list', { detail: `new key ${unsigned.map((u) => u.kid).join(', ')} did not sign` });
  return { ok: true, list };
}
