import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptEnvelope, isExpired, type AcceptOptions } from '@/lib/feed/accept';
import { nobleEd25519, webcryptoEd25519 } from '@/lib/feed/crypto';
import { serializeEnvelope, signPack } from '@/lib/feed/envelope';
import { sha256Hex, toBase64Url, utf8 } from '@/lib/feed/encoding';
import type { RulePack } from '@/lib/packs/schema';
import { fixtureText, packVariant, sealText, testKey, validatePack, type TestKey } from './helpers';

let a: TestKey, b: TestKey, c: TestKey, stranger: TestKey;
const v1 = fixtureText('pack-v1.json');
const now = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
  [a, b, c, stranger] = await Promise.all([testKey(1), testKey(2), testKey(3), testKey(9)]);
});
afterEach(() => vi.restoreAllMocks());

function opts(over: Partial<AcceptOptions<RulePack>> = {}): AcceptOptions<RulePack> {
  return {
    trustedKeys: [a.trusted, b.trusted, c.trusted],
    threshold: 1,
    now,
    highWater: () => undefined,
    knownDigest: () => undefined,
    validatePack,
    ...over,
  };
}

describe('acceptEnvelope: a good envelope', () => {
  it('is accepted with the pack and the SHA-256 of the payload bytes', async () => {
    const result = await acceptEnvelope(await sealText(v1, [a]), opts());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.id).toBe('test-2020-hmt');
    expect(result.digest).toBe(await sha256Hex(utf8(v1)));
    expect(result.header).toEqual({ packId: 'test-2020-hmt', packVersion: 1, expires: '2099-12-31' });
  });

  it('is accepted from bytes as well as text, and through noble', async () => {
    const text = await sealText(v1, [a]);
    expect((await acceptEnvelope(utf8(text), opts())).ok).toBe(true);
    expect((await acceptEnvelope(text, opts({ impl: nobleEd25519 }))).ok).toBe(true);
  });
});

describe('acceptEnvelope: k distinct trusted keys', () => {
  it.each([
    { name: 'two trusted keys, k = 2', signers: () => [a, b], k: 2, ok: true, n: 2 },
    { name: 'all three trusted keys, k = 2', signers: () => [a, b, c], k: 2, ok: true, n: 3 },
    { name: 'one key signing twice counts once', signers: () => [a, a], k: 2, ok: false, n: 1 },
    { name: 'an untrusted key is ignored', signers: () => [a, stranger], k: 2, ok: false, n: 1 },
    { name: 'only untrusted keys', signers: () => [stranger], k: 1, ok: false, n: 0 },
  ])('$name', async ({ signers, k, ok, n }) => {
    const result = await acceptEnvelope(await sealText(v1, signers()), opts({ threshold: k }));
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.reason).toBe('signature');
      expect(result.message.en).toContain(`${n} found`);
      expect(result.message.zh).toContain(`实际 ${n} 个`);
    }
  });

  it('a signature copied under a trusted kid but made by another key does not count', async () => {
    const envelope = JSON.parse(await sealText(v1, [stranger]));
    envelope.signatures[0].kid = a.trusted.kid;
    const result = await acceptEnvelope(JSON.stringify(envelope), opts());
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
  });
});

describe('acceptEnvelope: nothing of the payload is read before the signature verifies', () => {
  it('a bad signature over a payload that is not even JSON reports the signature, not the payload', async () => {
    const envelope = JSON.parse(await sealText(v1, [stranger]));
    envelope.payload = toBase64Url(utf8('{ not json'));
    const result = await acceptEnvelope(JSON.stringify(envelope), opts());
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('JSON.parse only ever sees the envelope, and validatePack is not called', async () => {
    const text = await sealText(v1, [stranger]);
    const parse = vi.spyOn(JSON, 'parse');
    const validate = vi.fn(validatePack);
    const result = await acceptEnvelope(text, opts({ validatePack: validate }));
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(validate).not.toHaveBeenCalled();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(String(parse.mock.calls[0]![0])).toContain('"format": "guidecheck-signed-pack"');
  });
});

describe('acceptEnvelope: size, empty and HTML are refused before parsing', () => {
  it('a file above maxBytes is refused without being parsed', async () => {
    const text = await sealText(v1, [a]);
    const parse = vi.spyOn(JSON, 'parse');
    const result = await acceptEnvelope(text, opts({ maxBytes: text.length - 1 }));
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parse).not.toHaveBeenCalled();
    expect((await acceptEnvelope(text, opts({ maxBytes: text.length }))).ok).toBe(true);
  });

  it('the default cap is 2 MB', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x20);
    expect(await acceptEnvelope(big, opts())).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it.each(['', '   \n\t', '\uFEFF'])('empty response %j', async (text) => {
    const result = await acceptEnvelope(text, opts());
    expect(result).toMatchObject({ ok: false, reason: 'empty', message: { zh: '响应为空', en: 'Empty response' } });
  });

  it.each(['<!DOCTYPE html><html><body>登录</body></html>', '\n  <html lang="zh">', '\uFEFF<HTML>'])(
    'HTML page %j',
    async (text) => {
      const result = await acceptEnvelope(text, opts());
      expect(result).toMatchObject({ ok: false, reason: 'html' });
      if (!result.ok) expect(result.message.zh).toContain('网页');
    },
  );

  it.each([
    ['not JSON', '{"format":'],
    ['wrong format', JSON.stringify({ format: 'other', version: 1 })],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])],
  ])('malformed: %s', async (_, input) => {
    expect(await acceptEnvelope(input, opts())).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('a malformed message names the path of the error', async () => {
    const envelope = JSON.parse(await sealText(v1, [a]));
    envelope.packVersion = 'one';
    const result = await acceptEnvelope(JSON.stringify(envelope), opts());
    expect(result).toMatchObject({ ok: false, reason: 'malformed' });
    if (!result.ok) expect(result.message.en).toContain('packVersion');
  });
});

describe('acceptEnvelope: versions', () => {
  it('a version not above the high-water mark is refused (rollback)', async () => {
    const text = await sealText(v1, [a]);
    const result = await acceptEnvelope(text, opts({ highWater: () => 1 }));
    expect(result).toMatchObject({ ok: false, reason: 'rollback' });
    expect((await acceptEnvelope(text, opts({ highWater: (id) => (id === 'test-2020-hmt' ? 0 : 5) }))).ok).toBe(true);
  });

  it('the same version with the same content under other signatures is accepted as re-signed (key rotation)', async () => {
    const digest = await sha256Hex(utf8(v1));
    // Re-signed by b after a rotation, below the high-water mark and past its expiry: the content is known.
    const result = await acceptEnvelope(
      await sealText(v1, [b]),
      opts({
        highWater: () => 4,
        now: new Date('2099-01-01T00:00:00Z'),
        knownDigest: (id, v) => (id === 'test-2020-hmt' && v === 1 ? digest : undefined),
      }),
    );
    expect(result).toMatchObject({ ok: true, resigned: true, digest });
  });

  it('the same version with other content is refused', async () => {
    const digest = await sha256Hex(utf8(v1));
    const changed = packVariant((p) => (p.title = { zh: '改过的标题', en: 'Changed title' }));
    const result = await acceptEnvelope(
      await sealText(changed, [a]),
      opts({ highWater: () => 1, knownDigest: () => digest }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'version-conflict' });
  });
});

describe('acceptEnvelope: expiry', () => {
  const expiring = packVariant((p) => (p.expires = '2026-02-28'));
  it('an expired pack is refused with 规则已过期', async () => {
    const result = await acceptEnvelope(await sealText(expiring, [a]), opts());
    expect(result).toMatchObject({ ok: false, reason: 'expired' });
    if (!result.ok) expect(result.message.zh).toContain('规则已过期');
  });
  it('a pack is valid through its expiry day in China time', () => {
    expect(isExpired('2026-02-28', new Date('2026-02-28T15:59:59Z'))).toBe(false);
    expect(isExpired('2026-02-28', new Date('2026-02-28T16:00:00Z'))).toBe(true);
  });
});

describe('acceptEnvelope: the header must match the pack', () => {
  it.each([
    ['packId', { packId: 'other-pack' }],
    ['packVersion', { packVersion: 7 }],
    ['expires', { expires: '2030-01-01' }],
  ] as const)('a validly signed envelope whose %s differs from the payload is refused', async (field, header) => {
    const result = await acceptEnvelope(await sealText(v1, [a], header), opts());
    expect(result).toMatchObject({ ok: false, reason: 'header-mismatch' });
    if (!result.ok) expect(result.message.en).toContain(field);
  });

  it('a signature cannot be replayed with another header', async () => {
    const envelope = JSON.parse(await sealText(v1, [a]));
    envelope.packVersion = 2;
    expect(await acceptEnvelope(JSON.stringify(envelope), opts())).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('a signature cannot be replayed onto another payload', async () => {
    const one = JSON.parse(await sealText(v1, [a]));
    const two = JSON.parse(
      await sealText(
        packVariant((p) => (p.title = { zh: '另一个', en: 'Another' })),
        [a],
      ),
    );
    one.signatures = two.signatures;
    expect(await acceptEnvelope(JSON.stringify(one), opts())).toMatchObject({ ok: false, reason: 'signature' });
  });
});

describe('acceptEnvelope: the pack schema is checked after verification', () => {
  it('a validly signed pack that breaks the schema is refused with the error path', async () => {
    const broken = packVariant((p) => ((p.directions as { code: string }[])[0]!.code = 'one'));
    const result = await acceptEnvelope(await sealText(broken, [a]), opts());
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok) expect(result.message.en).toContain('directions');
  });

  it('a validly signed payload that is not JSON is refused as payload', async () => {
    const result = await acceptEnvelope(await sealRaw('not json {'), opts());
    expect(result).toMatchObject({ ok: false, reason: 'payload' });
  });
});

async function sealRaw(payloadText: string): Promise<string> {
  return serializeEnvelope(
    await signPack(
      webcryptoEd25519,
      { packId: 'test-2020-hmt', packVersion: 1, expires: '2099-12-31' },
      utf8(payloadText),
      [a.signing],
    ),
  );
}
