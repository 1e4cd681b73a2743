// Issue 13 §6: times in shared data. A share item dated in the future (2099) no longer wins every merge, and a
// time out of range in a code or a file is refused with a reason instead of throwing.
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { concatBytes, fromBase64Url, toBase64Url, utf8 } from '@/lib/feed/encoding';
import { decodeShareCode, encodeShareCode, shareFromFile, shareToFile } from '@/lib/share/code';
import { crc32 } from '@/lib/share/crc32';
import type { ItemParts } from '@/lib/share/items';
import { decideItem } from '@/lib/share/merge';
import { latestBelievable } from '@/lib/share/time';
import { fullShare } from '../../fixtures/share/shares';

const NOW = new Date('2026-03-01T00:00:00Z');
const SHARED_AT = '2026-02-28T12:00:00.000Z';
const mine: ItemParts = { confirmation: { by: '张伟', at: '2026-02-20T00:00:00.000Z', note: '本地' } };
const believable = { mine: latestBelievable(undefined, NOW), theirs: latestBelievable(SHARED_AT, NOW) };

describe('merge: times later than the share or than now are not believed', () => {
  test('an item dated 2099 is a conflict to choose, not a winner', () => {
    const theirs: ItemParts = { confirmation: { by: '王芳', at: '2099-01-01T00:00:00.000Z', note: '未来' } };
    // Before: taken over the local confirmation (2099 is "later").
    expect(decideItem(mine, theirs)).toEqual({ take: theirs });
    expect(decideItem(mine, theirs, believable)).toEqual({
      take: {},
      conflict: { local: mine, incoming: theirs, parts: ['confirmation'] },
    });
  });

  test('an item dated after the share itself (beyond the clock skew) is a conflict; just before it, it wins', () => {
    const after: ItemParts = { confirmation: { by: '王芳', at: '2026-02-28T14:00:00.000Z', note: '晚' } };
    expect(decideItem(mine, after, believable).conflict?.parts).toEqual(['confirmation']);
    const before: ItemParts = { confirmation: { by: '王芳', at: '2026-02-28T12:30:00.000Z', note: '早' } };
    expect(decideItem(mine, before, believable)).toEqual({ take: before });
  });

  test('a local item dated in the future does not win either', () => {
    const future: ItemParts = { confirmation: { by: '张伟', at: '2030-01-01T00:00:00.000Z', note: '本地未来' } };
    const theirs: ItemParts = { confirmation: { by: '王芳', at: '2026-02-27T00:00:00.000Z', note: '他人' } };
    expect(decideItem(future, theirs, believable).conflict?.parts).toEqual(['confirmation']);
  });
});

/** A share code with its compact JSON edited, and a valid CRC: what a crafted code looks like. */
function craftedCode(edit: (compact: unknown[]) => void): string {
  const code = encodeShareCode(fullShare());
  const bytes = fromBase64Url(code.slice('GC1.'.length))!;
  const compact = JSON.parse(new TextDecoder().decode(inflateSync(bytes.subarray(0, bytes.length - 4)))) as unknown[];
  edit(compact);
  const deflated = deflateSync(utf8(JSON.stringify(compact)));
  const crc = crc32(concatBytes(utf8('1'), deflated));
  const check = new Uint8Array([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
  return `GC1.${toBase64Url(concatBytes(deflated, check))}`;
}

describe('out-of-range times are refused with a reason, never thrown', () => {
  test('a code whose base time is past year 275760 (Date throws there)', () => {
    const code = craftedCode((c) => {
      c[4] = 9e15;
    });
    // Before: RangeError: Invalid time value.
    expect(() => decodeShareCode(code)).not.toThrow();
    expect(decodeShareCode(code)).toMatchObject({
      ok: false,
      reason: 'invalid',
      problems: [{ path: 'code.sharedAt', en: expect.stringMatching(/time out of range/) }],
    });
  });

  test('a code with one item time out of range names that item', () => {
    const code = craftedCode((c) => {
      const rows = c[6] as unknown[][];
      const row = rows.findIndex((r) => Array.isArray(r[2]));
      (rows[row]![2] as unknown[])[1] = -9e15;
    });
    const result = decodeShareCode(code);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.problems?.[0]?.path).toMatch(/^code\.items\[\d+\]\.confirmation\.at$/);
  });

  test('a file dated in year 2500 is refused with the path of the time', () => {
    const file = JSON.parse(shareToFile(fullShare()));
    file.sharedAt = '2500-01-01T00:00:00.000Z';
    const result = shareFromFile(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.message.en).toMatch(/Time out of range/);
  });
});
