import { beforeAll, describe, expect, it } from 'vitest';
import { webcryptoEd25519 } from '@/lib/feed/crypto';
import { serializeEnvelope } from '@/lib/feed/envelope';
import { acceptKeyList, signKeyList, type KeyList } from '@/lib/feed/keys';
import { testKey, type TestKey } from './helpers';

let old1: TestKey, old2: TestKey, fresh: TestKey, stranger: TestKey;
beforeAll(async () => {
  [old1, old2, fresh, stranger] = await Promise.all([testKey(11), testKey(12), testKey(13), testKey(14)]);
});

const current = () => ({ trustedKeys: [old1.trusted, old2.trusted], threshold: 1, lastSeq: 0 });
async function keyList(list: Partial<KeyList>, signers: TestKey[]): Promise<string> {
  const full: KeyList = { seq: 1, threshold: 1, keys: [old2.trusted, fresh.trusted], ...list };
  return serializeEnvelope(
    await signKeyList(
      webcryptoEd25519,
      full,
      signers.map((s) => s.signing),
    ),
  );
}

describe('key rotation', () => {
  it('a list signed by a current key and by the key it adds is accepted', async () => {
    const result = await acceptKeyList(await keyList({}, [old1, fresh]), current());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.list.keys.map((k) => k.kid)).toEqual([old2.trusted.kid, fresh.trusted.kid]);
  });

  it('needs k of the current keys', async () => {
    const result = await acceptKeyList(await keyList({}, [old1, fresh]), { ...current(), threshold: 2 });
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect((await acceptKeyList(await keyList({}, [old1, old2, fresh]), { ...current(), threshold: 2 })).ok).toBe(true);
  });

  it('a list signed only by the new key (no consent of the current keys) is refused', async () => {
    expect(await acceptKeyList(await keyList({}, [fresh]), current())).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it('a key added without its own signature is refused', async () => {
    const result = await acceptKeyList(await keyList({ keys: [old1.trusted, stranger.trusted] }, [old1]), current());
    expect(result).toMatchObject({ ok: false, reason: 'key-list' });
    if (!result.ok) expect(result.message.en).toContain(stranger.trusted.kid);
  });

  it('an old list cannot be replayed (seq must rise)', async () => {
    const text = await keyList({ seq: 3 }, [old1, fresh]);
    expect((await acceptKeyList(text, { ...current(), lastSeq: 2 })).ok).toBe(true);
    expect(await acceptKeyList(text, { ...current(), lastSeq: 3 })).toMatchObject({ ok: false, reason: 'key-list' });
  });

  it('a listed kid must belong to its public key', async () => {
    const forged = { ...fresh.trusted, kid: stranger.trusted.kid };
    const result = await acceptKeyList(await keyList({ keys: [old1.trusted, forged] }, [old1, fresh]), current());
    expect(result).toMatchObject({ ok: false, reason: 'key-list' });
  });

  it('a threshold above the number of keys is refused', async () => {
    expect(await acceptKeyList(await keyList({ threshold: 3 }, [old1, fresh]), current())).toMatchObject({
      ok: false,
      reason: 'key-list',
    });
  });
});
