import * as noble from '@noble/ed25519';
import { concatBytes, fromBase64Url, fromHex, sha256Hex, type Bytes } from './encoding';

/**
 * Ed25519 behind one interface, two implementations:
 * WebCrypto (Chrome ≥ 137, Firefox ≥ 129, Node ≥ 20) and @noble/ed25519 where WebCrypto lacks Ed25519
 * (older Chrome, Firefox ESR 128). Both are checked against the same RFC 8032 vectors in the tests.
 * Keys are raw: a 32-byte private seed and a 32-byte public key.
 */
export interface Ed25519 {
  name: 'webcrypto' | 'noble';
  publicKeyOf(seed: Uint8Array): Promise<Bytes>;
  sign(seed: Uint8Array, message: Uint8Array): Promise<Bytes>;
  /** Never throws: malformed keys or signatures verify as false. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

/** PKCS#8 wrapper of a raw Ed25519 seed (RFC 8410): WebCrypto imports private keys only in this form or JWK. */
const PKCS8_PREFIX = fromHex('302e020100300506032b657004220420');
const ALG = { name: 'Ed25519' } as const;

async function importSeed(seed: Uint8Array): Promise<CryptoKey> {
  if (seed.length !== 32) throw new Error('Ed25519 private key must be 32 bytes');
  return crypto.subtle.importKey('pkcs8', concatBytes(PKCS8_PREFIX, seed), ALG, true, ['sign']);
}

export const webcryptoEd25519: Ed25519 = {
  name: 'webcrypto',
  async publicKeyOf(seed) {
    const jwk = await crypto.subtle.exportKey('jwk', await importSeed(seed));
    const x = jwk.x === undefined ? undefined : fromBase64Url(jwk.x);
    if (!x) throw new Error('WebCrypto returned no public key');
    return x;
  },
  async sign(seed, message) {
    return new Uint8Array(await crypto.subtle.sign(ALG, await importSeed(seed), message as Bytes));
  },
  async verify(publicKey, message, signature) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      const key = await crypto.subtle.importKey('raw', publicKey as Bytes, ALG, false, ['verify']);
      return await crypto.subtle.verify(ALG, key, signature as Bytes, message as Bytes);
    } catch {
      return false;
    }
  },
};

export const nobleEd25519: Ed25519 = {
  name: 'noble',
  async publicKeyOf(seed) {
    return (await noble.getPublicKeyAsync(seed)) as Bytes;
  },
  async sign(seed, message) {
    return (await noble.signAsync(message, seed)) as Bytes;
  },
  async verify(publicKey, message, signature) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      // zip215: false = strict RFC 8032 / FIPS 186-5 checks, the same acceptance set as WebCrypto.
      return await noble.verifyAsync(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
};

/** RFC 8032 §7.1 test 1 (empty message): used to probe whether WebCrypto really verifies Ed25519. */
const PROBE = {
  publicKey: fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
  signature: fromHex(
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  ),
};

let chosen: Promise<Ed25519> | undefined;

/** The implementation this runtime should use: WebCrypto when it verifies Ed25519 correctly, else noble. Probed once. */
export function ed25519(): Promise<Ed25519> {
  chosen ??= (async () => {
    try {
      const ok = await webcryptoEd25519.verify(PROBE.publicKey, new Uint8Array(0), PROBE.signature);
      return ok ? webcryptoEd25519 : nobleEd25519;
    } catch {
      return nobleEd25519;
    }
  })();
  return chosen;
}

/**
 * Why a raw public key cannot be trusted, or undefined when it can: 32 bytes, the canonical encoding of a
 * curve point, and not of small order. An identity or small-order key lets WebCrypto verify a signature
 * (R = identity, S = 0) over any message, so such keys are refused wherever keys are entered.
 */
export function publicKeyProblem(raw: Uint8Array | undefined): string | undefined {
  if (raw?.length !== 32) return '须为 32 字节的公钥 / must be a 32-byte public key';
  let point: noble.Point;
  try {
    point = noble.Point.fromBytes(raw, false);
  } catch {
    return '不是规范编码的 Ed25519 公钥 / not a canonically encoded Ed25519 public key';
  }
  if (point.isSmallOrder())
    return '弱公钥（小阶点或单位元），不可信任 / weak public key (small order or identity), not trusted';
  return undefined;
}

/** A fresh 32-byte private seed from the platform's CSPRNG. */
export function randomSeed(): Bytes {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** Key id: the first 16 hex characters of SHA-256 of the raw public key. */
export async function keyId(publicKey: Uint8Array): Promise<string> {
  return (await sha256Hex(publicKey)).slice(0, 16);
}

/** For people comparing keys by phone or on paper: SHA-256 of the public key, first 32 hex chars in groups of 4. */
export async function fingerprint(publicKey: Uint8Array): Promise<string> {
  const hex = (await sha256Hex(publicKey)).slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}
