import { z } from 'zod';
import { fingerprint, keyId, type Ed25519 } from './crypto';
import { fromBase64Url, toBase64Url, type Bytes } from './encoding';

/**
 * Key files as the admin CLI writes them: { kty: "ed25519", kid, publicKey, privateKey? }, keys in base64url.
 * The public file (no privateKey) is what institutions hand out and what policies list;
 * the private file stays outside any repository.
 */
const base64url32 = z.string().refine((s) => fromBase64Url(s)?.length === 32, {
  message: '须为 32 字节的 base64url / must be 32 bytes in base64url',
});

export const KeyFile = z.object({
  kty: z.literal('ed25519'),
  kid: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: base64url32,
  privateKey: base64url32.optional(),
});
export type KeyFile = z.infer<typeof KeyFile>;

/** A public key the extension trusts, as kept in subscriptions and key lists. */
export const TrustedKey = z.object({ kid: z.string().regex(/^[0-9a-f]{16}$/), publicKey: base64url32 });
export type TrustedKey = z.infer<typeof TrustedKey>;

/** A private key ready to sign with. */
export interface SigningKey {
  kid: string;
  seed: Bytes;
}

/** Builds a key file from a private seed (the public key and kid are derived, never trusted from input). */
export async function keyFileFromSeed(impl: Ed25519, seed: Uint8Array): Promise<Required<KeyFile>> {
  const publicKey = await impl.publicKeyOf(seed);
  return {
    kty: 'ed25519',
    kid: await keyId(publicKey),
    publicKey: toBase64Url(publicKey),
    privateKey: toBase64Url(seed),
  };
}

export function publicPart(file: KeyFile): KeyFile {
  return { kty: file.kty, kid: file.kid, publicKey: file.publicKey };
}

/** A trusted key from a base64url public key (as listed in an enterprise policy): the kid is computed. */
export async function trustedKeyFromPublic(publicKey: string): Promise<TrustedKey | undefined> {
  const raw = fromBase64Url(publicKey);
  if (raw?.length !== 32) return undefined;
  return { kid: await keyId(raw), publicKey };
}

/**
 * Checks a parsed key file beyond its shape: the kid matches the public key and, for a private file,
 * the public key matches the private one. Returns the problem in zh/en, or undefined when consistent.
 */
export async function keyFileProblem(impl: Ed25519, file: KeyFile): Promise<{ zh: string; en: string } | undefined> {
  const publicKey = fromBase64Url(file.publicKey)!;
  if ((await keyId(publicKey)) !== file.kid)
    return { zh: '密钥编号与公钥不符', en: 'kid does not match the public key' };
  if (file.privateKey !== undefined) {
    const derived = toBase64Url(await impl.publicKeyOf(fromBase64Url(file.privateKey)!));
    if (derived !== file.publicKey) return { zh: '公钥与私钥不匹配', en: 'public key does not match the private key' };
  }
  return undefined;
}

export async function describeKey(file: KeyFile): Promise<string> {
  return `${file.kid}  (${await fingerprint(fromBase64Url(file.publicKey)!)})`;
}
