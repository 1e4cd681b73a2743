import { describe, expect, it } from 'vitest';
import { ed25519, fingerprint, keyId, nobleEd25519, webcryptoEd25519 } from '@/lib/feed/crypto';
import { fromBase64Url, fromHex, toBase64Url, toHex, utf8 } from '@/lib/feed/encoding';
import { fixtureText } from './helpers';

const vectors = JSON.parse(fixtureText('rfc8032.json')) as {
  name: string;
  secretKey: string;
  publicKey: string;
  message: string;
  signature: string;
}[];

describe.each([webcryptoEd25519, nobleEd25519])('Ed25519 via $name', (impl) => {
  it.each(vectors)('$name: public key, signature and verification match the RFC', async (v) => {
    const seed = fromHex(v.secretKey);
    const message = fromHex(v.message);
    expect(toHex(await impl.publicKeyOf(seed))).toBe(v.publicKey);
    expect(toHex(await impl.sign(seed, message))).toBe(v.signature);
    expect(await impl.verify(fromHex(v.publicKey), message, fromHex(v.signature))).toBe(true);
  });

  it.each(vectors)('$name: a changed message, signature or key does not verify', async (v) => {
    const sig = fromHex(v.signature);
    const flipped = sig.slice();
    flipped[10]! ^= 1;
    expect(await impl.verify(fromHex(v.publicKey), fromHex(v.message), flipped)).toBe(false);
    expect(await impl.verify(fromHex(v.publicKey), utf8('other'), sig)).toBe(false);
    expect(
      await impl.verify(
        fromHex(vectors[(vectors.indexOf(v) + 1) % vectors.length]!.publicKey),
        fromHex(v.message),
        sig,
      ),
    ).toBe(false);
  });

  it('never throws on malformed input', async () => {
    expect(await impl.verify(new Uint8Array(31), utf8('x'), new Uint8Array(64))).toBe(false);
    expect(await impl.verify(new Uint8Array(32).fill(255), utf8('x'), new Uint8Array(64).fill(255))).toBe(false);
    expect(await impl.verify(fromHex(vectors[0]!.publicKey), utf8('x'), new Uint8Array(63))).toBe(false);
  });
});

describe('implementations agree', () => {
  it('a signature made by one verifies with the other', async () => {
    const seed = new Uint8Array(32).fill(7);
    const message = utf8('GuideCheck 规则包');
    const pub = await nobleEd25519.publicKeyOf(seed);
    expect(await webcryptoEd25519.verify(pub, message, await nobleEd25519.sign(seed, message))).toBe(true);
    expect(await nobleEd25519.verify(pub, message, await webcryptoEd25519.sign(seed, message))).toBe(true);
  });

  it('the runtime choice is WebCrypto on Node 20', async () => {
    expect((await ed25519()).name).toBe('webcrypto');
  });
});

describe('key ids and fingerprints', () => {
  const pub = fromHex(vectors[0]!.publicKey);
  it('kid is the first 16 hex chars of SHA-256 of the raw public key', async () => {
    const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', pub)));
    expect(await keyId(pub)).toBe(digest.slice(0, 16));
  });
  it('fingerprint is 8 groups of 4 upper-case hex chars starting with the kid', async () => {
    const fp = await fingerprint(pub);
    expect(fp).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(fp.replaceAll(' ', '').slice(0, 16).toLowerCase()).toBe(await keyId(pub));
  });
});

describe('base64url', () => {
  it.each([0, 1, 2, 3, 4, 5, 31, 32, 33])('round-trips %i bytes', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
    const text = toBase64Url(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });
  it.each(['a', 'ab=', 'a+b/', 'AB', 'AAB', 'é'])('refuses non-canonical or foreign text %j', (text) => {
    // "AB" / "AAB" carry non-zero unused bits: another encoding of the same bytes would be accepted otherwise.
    expect(fromBase64Url(text)).toBeUndefined();
  });
});
