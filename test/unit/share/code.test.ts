import { deflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { concatBytes, toBase64Url, utf8 } from '@/lib/feed/encoding';
import { decodeShareCode, encodeShareCode, shareFromFile, shareToFile } from '@/lib/share/code';
import { crc32 } from '@/lib/share/crc32';
import type { Share } from '@/lib/share/model';
import { fullShare, smallShare } from '../../fixtures/share/shares';

const MODIFIED = '分享码不完整或已被修改';

/** A code with a valid checksum around any JSON: what a newer or buggy sharer could produce. */
function codeAround(json: unknown, version = 1): string {
  const deflated = deflateSync(utf8(JSON.stringify(json)));
  const crc = crc32(concatBytes(utf8(String(version)), deflated));
  return `GC${version}.${toBase64Url(concatBytes(deflated, new Uint8Array([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255])))}`;
}

function decoded(code: string): Share {
  const result = decodeShareCode(code);
  if (!result.ok) throw new Error(result.message.en);
  return result.share;
}

describe('round trips', () => {
  test('build → encode → decode gives the same share', () => {
    const share = fullShare();
    expect(decoded(encodeShareCode(share))).toEqual(share);
    expect(decoded(encodeShareCode(smallShare()))).toEqual(smallShare());
  });

  test('ticked field contents and rule ids outside the pack prefix survive the code', () => {
    const share: Share = {
      ...smallShare(),
      fields: { 'project.nameZh': '中挪合作', 'pi.phone': '13800138000' },
      items: {
        '2019-intl-1/1.9/x': { owner: '王芳' },
        '2019-intl-1//odd': {
          document: { ready: false, at: '2024-03-01T00:00:00.000Z' },
          changedAt: '2024-03-01T00:00:00.000Z',
        },
        'other-pack/1.1/y': { status: 'na' },
        '2019-intl-1/*/z': {
          acknowledgement: { reason: '', at: '2024-03-06T00:00:00.000Z' },
          changedAt: '2024-03-06T00:00:00.000Z',
        },
      },
    };
    expect(decoded(encodeShareCode(share))).toEqual(share);
  });

  test('the file form round-trips and is readable JSON', () => {
    const share = fullShare(['project.nameZh']);
    const file = shareToFile(share);
    expect(JSON.parse(file).format).toBe('guidecheck-share');
    expect(shareFromFile(file)).toEqual({ ok: true, share });
    expect(shareFromFile(`\ufeff${file}`)).toEqual({ ok: true, share });
  });
});

describe('pasted from a chat', () => {
  test.each([
    ['line breaks every 40 characters', (c: string) => c.replace(/.{40}/g, '$&\n')],
    ['CRLF and indentation', (c: string) => c.replace(/.{70}/g, '$&\r\n    ')],
    ['spaces and a zero-width space', (c: string) => ` ${c.slice(0, 10)} ${c.slice(10, 30)}\u200b${c.slice(30)}\t\n`],
    ['inside the chat message around it', (c: string) => `张三 19:02\n这是清单的分享码：${c} 请查收，谢谢！`],
    [
      'after an English message, with words after it',
      (c: string) => `Here you go:\n${c.replace(/.{60}/g, '$&\n')}\nthanks see you`,
    ],
    ['quoted twice in a thread (the later one wins)', (c: string) => `old: GC1.AAAA\nnew: ${c}`],
  ])('%s: still decodes', (_, mangle) => {
    const share = fullShare();
    expect(decoded(mangle(encodeShareCode(share)))).toEqual(share);
  });

  test('a cut code inside a message is still refused as modified, not read', () => {
    const code = encodeShareCode(fullShare());
    const result = decodeShareCode(`请查收 ${code.slice(0, -6)} 谢谢`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('modified');
  });
});

describe('truncated or edited codes are refused', () => {
  test('every single-character edit of a small code is refused, with any replacement character', () => {
    const code = encodeShareCode(smallShare());
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const c of alphabet) {
        if (c === code[i]) continue;
        const result = decodeShareCode(code.slice(0, i) + c + code.slice(i + 1));
        expect(result.ok, `position ${i} → ${c}`).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(code.length * 60);
  });

  test('every edit of the payload says the code is incomplete or modified', () => {
    const code = encodeShareCode(fullShare());
    for (let i = 'GC1.'.length; i < code.length; i++) {
      const replacement = code[i] === 'A' ? 'B' : 'A';
      const result = decodeShareCode(code.slice(0, i) + replacement + code.slice(i + 1));
      expect(result.ok, `position ${i}`).toBe(false);
      if (!result.ok) expect(result.reason, `position ${i}`).toBe('modified');
    }
  });

  test('every truncation is refused; cut payloads say incomplete or modified in both languages', () => {
    const code = encodeShareCode(fullShare());
    for (let n = 0; n < code.length; n++) {
      const result = decodeShareCode(code.slice(0, n));
      expect(result.ok, `length ${n}`).toBe(false);
      if (!result.ok && n > 0) {
        expect(result.reason, `length ${n}`).toBe('modified');
        expect(result.message).toEqual({ zh: MODIFIED, en: 'The share code is incomplete or has been modified' });
      }
    }
  });

  test('a dropped or doubled character is refused', () => {
    const code = encodeShareCode(smallShare());
    for (let i = 4; i < code.length; i++) {
      expect(decodeShareCode(code.slice(0, i) + code.slice(i + 1)).ok, `drop ${i}`).toBe(false);
      expect(decodeShareCode(code.slice(0, i) + code[i] + code.slice(i)).ok, `double ${i}`).toBe(false);
    }
  });
});

describe('versions and foreign input', () => {
  test('a newer share format is refused with its own reason', () => {
    const result = decodeShareCode(codeAround([], 2));
    expect(result).toMatchObject({ ok: false, reason: 'newerVersion' });
    if (!result.ok) expect(result.message.zh).toContain('更新版本');
    const file = JSON.parse(shareToFile(smallShare()));
    expect(shareFromFile(JSON.stringify({ ...file, version: 2 }))).toMatchObject({ ok: false, reason: 'newerVersion' });
  });

  test.each([
    ['GC0.AAAA', 'unknownVersion'],
    ['', 'notShare'],
    ['hello', 'notShare'],
    ['{"format":"guidecheck-share"}', 'notShare'],
    ['GC', 'modified'],
    ['GC1', 'modified'],
  ])('%j is refused as %s', (text, reason) => {
    expect(decodeShareCode(text)).toMatchObject({ ok: false, reason });
  });

  test.each([
    ['not JSON', 'notShare', '{"format":'],
    ['another format', 'notShare', JSON.stringify({ format: 'other', version: 1 })],
    ['no version', 'unknownVersion', JSON.stringify({ format: 'guidecheck-share' })],
  ])('file: %s is refused as %s', (_, reason, text) => {
    expect(shareFromFile(text)).toMatchObject({ ok: false, reason });
  });

  test('a file that breaks the schema says where, in both languages', () => {
    const file = JSON.parse(shareToFile(smallShare()));
    file.items['2019-intl-1/1.9/both-sides-apply'] = { confirmation: { at: 'yesterday' } };
    const result = shareFromFile(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok) return;
    expect(result.problems?.[0]?.path).toBe('file.items.2019-intl-1/1.9/both-sides-apply.confirmation.at');
    expect(result.message.zh).toContain('时间须为 ISO 格式');
    expect(result.message.en).toContain('Time must be ISO');
  });

  test('a code with a valid checksum but a wrong structure is invalid, not merged', () => {
    expect(decodeShareCode(codeAround({ not: 'a share' }))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodeShareCode(codeAround(['2019-intl-1', 1, 'one.six', 0, 0, [0, 0, 0, 0], []]))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});
