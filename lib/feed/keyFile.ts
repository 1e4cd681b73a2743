import { z } from 'zod';
import { fingerprint, keyId, publicKeyProblem, type Ed25519 } from './crypto';
import { fromBase64Url, toBase64Url, type Bytes } from './encoding';

/**
 * Key files as the admin CLI writes them: { kty: "ed25519", kid, publicKey, privateKey? }, keys in base64url.
 * The public file (no privateKey) is what institutions hand out and what policies list;
 * the private file stays outside any repository.
 */
const base64url32 = z.string().refine((s) => fromBase64Url(s)?.length === 32, {
  message: '须为 32 字节的 base64url / must be 32 bytes in base64url',
});

/** A public key as entered anywhere (policy, subscription, key file, key list): see publicKeyProblem. */
export const PublicKey = z.string().superRefine((s, ctx) => {
  const problem = cachedKeyProblem(s.trim());
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Decoding a point costs about 1 ms and the same few keys are read at every load of a feed's state. */
const keyProblems = new Map<string, string | undefined>();
function cachedKeyProblem(key: string): string | undefined {
  if (keyProblems.has(key)) return keyProblems.get(key);
  if (keyProblems.size >= 256) keyProblems.clear();
  const problem = publicKeyProblem(fromBase64Url(key));
  keyProblems.set(key, problem);
  return problem;
}

export const KeyFile = z.object({
  kty: z.literal('ed25519'),
  kid: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: PublicKey,
  privateKey: base64url32.optional(),
});
export type KeyFile = z.infer<typeof KeyFile>;

/** A public key the extension trusts, as kept in subscriptions and key lists. */
export const TrustedKey = z.object({ kid: z.string().regex(/^[0-9a-f]{16}$/), publicKey: PublicKey });
export type TrustedKey = z.infer<typeof TrustedKey>;

/**
 * A set of trusted keys with a threshold, as a policy, a subscription or a key list gives it: every key
 * counted once, so the same key listed twice is refused rather than silently making k unreachable
 * (or, worse, letting one key count twice); and k no larger than the number of keys.
 */
export function checkKeySet(publicKeys: string[], threshold: number, ctx: z.RefinementCtx, keysPath: string): void {
  const seen = new Map<string, number>();
  publicKeys.forEach((key, i) => {
    const first = seen.get(key.trim());
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [keysPath, i],
        message: `与第 ${first + 1} 个公钥重复 / duplicate of key ${first + 1}`,
      });
    else seen.set(key.trim(), i);
  });
  if (threshold > seen.size)
    ctx.addIssue({
      code: 'custom',
      path: ['threshold'],
      message: `所需签名数 ${threshold} 大于不同公钥数 ${seen.size} / threshold ${threshold} exceeds the ${seen.size} distinct keys`,
    });
}

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
  if (!raw || publicKeyProblem(raw)) return undefined;
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
