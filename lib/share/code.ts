import { deflateSync, inflateSync } from 'fflate';
import { z } from 'zod';
import { parseWithProblems, type Problem } from '../core/issues';
import { concatBytes, fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../feed/encoding';
import { crc32 } from './crc32';
import { changedAtOf } from './items';
import { SHARE_FORMAT, SHARE_VERSION } from './format';
import { Share, ShareItemStatus, type ShareItem } from './model';
import { refusal, type ShareRefusal } from './refusal';
import { fromSeconds, inTimeRange, toSeconds } from './time';

/**
 * A share as text short enough for a chat message: "GC1." + base64url(deflate(compact JSON) ‖ CRC-32).
 * The digit after "GC" is the share format version. The compact JSON is positional (no key names), rule ids are
 * stored relative to the pack and direction, and times are seconds before `sharedAt`. The CRC covers the version
 * and the compressed bytes, so a truncated or edited code is refused before anything is read from it.
 */

export type DecodeResult = { ok: true; share: Share } | ShareRefusal;

const PREFIX = /^GC(\d+)\.(.*)$/s;
/** Larger codes are not a chat message; the cap also bounds what inflating may allocate. */
const MAX_INFLATED_BYTES = 1_000_000;

const STATUS = ShareItemStatus.options;

const absent = z.literal(0);
const orAbsent = <T extends z.ZodType>(schema: T) => z.union([absent, schema]).optional();
const seconds = z.number().int();
/** [id, status index or -1, [by, Δt, note], [ready, Δt], [reason, by, Δt], owner]; trailing absents are dropped. */
const CompactItem = z.tuple([
  z.string(),
  z
    .number()
    .int()
    .min(-1)
    .max(STATUS.length - 1)
    .optional(),
  orAbsent(z.tuple([z.union([absent, z.string()]), seconds, z.union([absent, z.string()]).optional()])),
  orAbsent(z.tuple([z.union([absent, z.literal(1)]), seconds])),
  orAbsent(z.tuple([z.string(), z.union([absent, z.string()]), seconds])),
  orAbsent(z.string()),
]);
/** [packId, packVersion, direction, sharedBy, sharedAt (s), [error, warning, info, confirm], items, fields] */
const CompactShare = z.tuple([
  z.string(),
  z.number(),
  z.string(),
  z.union([absent, z.string()]),
  seconds,
  z.tuple([z.number(), z.number(), z.number(), z.number()]),
  z.array(CompactItem),
  orAbsent(z.record(z.string(), z.string())),
]);
type CompactItem = z.infer<typeof CompactItem>;
type CompactShare = z.infer<typeof CompactShare>;

export function encodeShareCode(share: Share): string {
  const json = utf8(JSON.stringify(compact(share)));
  const deflated = deflateSync(json, { level: 9, mem: 8 });
  const crc = crc32(concatBytes(utf8(String(SHARE_VERSION)), deflated));
  const check = new Uint8Array([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
  return `GC${SHARE_VERSION}.${toBase64Url(concatBytes(deflated, check))}`;
}

const GAPS = /(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+/;
/** A code inside other text: "GC<n>." and base64url runs, possibly broken by the gaps a chat inserts. */
const EMBEDDED = /GC\d+\.[\w-]+(?:(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+[\w-]+)*/g;

/**
 * Reads a pasted share code; spaces and line breaks a chat inserted are ignored, and a code pasted with the
 * message around it ("张三: GC1.… 请查收") is found in it. Words after the code that look like code characters
 * are dropped one by one until the checksum holds, so they can never change what is read.
 */
export function decodeShareCode(text: string): DecodeResult {
  const whole = decodeCode(text);
  if (whole.ok) return whole;
  const runs = [...text.matchAll(EMBEDDED)].map((m) => m[0].split(GAPS));
  for (const tokens of runs.reverse())
    for (let n = tokens.length; n > 0; n--) {
      const found = decodeCode(tokens.slice(0, n).join(''));
      if (found.ok || found.reason !== 'modified') return found;
    }
  return runs.length && whole.reason === 'notShare' ? decodeCode(runs.at(-1)!.join('')) : whole;
}

function decodeCode(text: string): DecodeResult {
  const cleaned = text.replace(new RegExp(GAPS.source, 'g'), '');
  const prefix = PREFIX.exec(cleaned);
  if (!prefix) return refusal(/^(G|GC\d*)$/.test(cleaned) ? 'modified' : 'notShare');
  const versionRefusal = checkVersion(prefix[1] === String(SHARE_VERSION) ? SHARE_VERSION : Number(prefix[1]));
  if (versionRefusal) return versionRefusal;
  const bytes = fromBase64Url(prefix[2]!);
  if (!bytes || bytes.length < 5) return refusal('modified');
  const deflated = bytes.subarray(0, bytes.length - 4);
  const check = bytes.subarray(bytes.length - 4);
  const expected = crc32(concatBytes(utf8(String(SHARE_VERSION)), deflated));
  if (((check[0]! << 24) | (check[1]! << 16) | (check[2]! << 8) | check[3]!) >>> 0 !== expected)
    return refusal('modified');
  let json: string | undefined;
  try {
    const out = inflateSync(deflated, { out: new Uint8Array(MAX_INFLATED_BYTES + 1) });
    json = out.length > MAX_INFLATED_BYTES ? undefined : fromUtf8(out);
  } catch {
    json = undefined;
  }
  if (json === undefined) return refusal('modified');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return refusal('modified');
  }
  const parsed = parseWithProblems(CompactShare, raw, 'code');
  if (!parsed.success) return refusal('invalid', {}, parsed.problems);
  const badTime = timeOutOfRange(parsed.data);
  if (badTime) return refusal('invalid', {}, [badTime]);
  return validated(expand(parsed.data), 'code');
}

/**
 * A code's times are seconds before its base time: a crafted code can put them anywhere, and a Date out of range
 * throws. Every time is checked before any is turned into a date, and the first bad one is named.
 */
function timeOutOfRange([, , , , base, , rows]: CompactShare): Problem | undefined {
  const problem = (path: string) => ({
    path,
    zh: '时间超出范围（2000–2200 年）',
    en: 'time out of range (years 2000–2200)',
  });
  if (!inTimeRange(base)) return problem('code.sharedAt');
  for (const [i, [, , c = 0, d = 0, a = 0]] of rows.entries()) {
    const deltas: [string, number | undefined][] = [
      ['confirmation', c ? c[1] : undefined],
      ['document', d ? d[1] : undefined],
      ['acknowledgement', a ? a[2] : undefined],
    ];
    for (const [part, delta] of deltas)
      if (delta !== undefined && !inTimeRange(base - delta)) return problem(`code.items[${i}].${part}.at`);
  }
  return undefined;
}

/** The file form: plain JSON of the share, pretty-printed so a person can read it. */
export function shareToFile(share: Share): string {
  return `${JSON.stringify(share, null, 2)}\n`;
}

export function shareFromFile(text: string): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return refusal('notShare');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== SHARE_FORMAT)
    return refusal('notShare');
  const version = (raw as { version?: unknown }).version;
  const versionRefusal = checkVersion(typeof version === 'number' ? version : NaN);
  if (versionRefusal) return versionRefusal;
  return validated(raw, 'file');
}

function checkVersion(version: number): ShareRefusal | undefined {
  if (version === SHARE_VERSION) return undefined;
  if (Number.isInteger(version) && version > SHARE_VERSION)
    return refusal('newerVersion', { theirs: version, ours: SHARE_VERSION });
  return refusal('unknownVersion', { theirs: Number.isFinite(version) ? version : '?' });
}

function validated(raw: unknown, root: string): DecodeResult {
  const parsed = parseWithProblems(Share, raw, root);
  return parsed.success ? { ok: true, share: parsed.data } : refusal('invalid', {}, parsed.problems);
}

function compact(share: Share): CompactShare {
  const base = toSeconds(share.sharedAt);
  const delta = (at: string) => base - toSeconds(at);
  const items = Object.entries(share.items).map(([id, item]): CompactItem => {
    const c = item.confirmation;
    const d = item.document;
    const a = item.acknowledgement;
    const row: CompactItem = [
      compactId(id, share.packId, share.direction),
      item.status ? STATUS.indexOf(item.status) : -1,
      c ? [c.by ?? 0, delta(c.at), c.note ?? 0] : 0,
      d ? [d.ready ? 1 : 0, delta(d.at)] : 0,
      a ? [a.reason, a.by ?? 0, delta(a.at)] : 0,
      item.owner ?? 0,
    ];
    while (row.length > 1 && (row[row.length - 1] === 0 || row[row.length - 1] === -1)) row.pop();
    return row;
  });
  const s = share.findingsSummary;
  return [
    share.packId,
    share.packVersion,
    share.direction,
    share.sharedBy ?? 0,
    base,
    [s.error, s.warning, s.info, s.confirm],
    items,
    share.fields ?? 0,
  ];
}

function expand([packId, packVersion, direction, sharedBy, base, counts, rows, fields]: CompactShare): unknown {
  const at = (delta: number) => fromSeconds(base - delta);
  const items: Record<string, ShareItem> = {};
  for (const [id, status = -1, c = 0, d = 0, a = 0, owner = 0] of rows) {
    const item: ShareItem = {
      ...(status >= 0 ? { status: STATUS[status] } : {}),
      ...(c
        ? {
            confirmation: {
              ...(c[0] !== 0 ? { by: c[0] } : {}),
              at: at(c[1]),
              ...(c[2] !== undefined && c[2] !== 0 ? { note: c[2] } : {}),
            },
          }
        : {}),
      ...(d ? { document: { ready: d[0] === 1, at: at(d[1]) } } : {}),
      ...(a ? { acknowledgement: { reason: a[0], ...(a[1] !== 0 ? { by: a[1] } : {}), at: at(a[2]) } } : {}),
      ...(owner !== 0 ? { owner } : {}),
    };
    const changedAt = changedAtOf(item);
    items[expandId(id, packId, direction)] = changedAt ? { ...item, changedAt } : item;
  }
  return {
    format: SHARE_FORMAT,
    version: SHARE_VERSION,
    packId,
    packVersion,
    direction,
    ...(sharedBy !== 0 ? { sharedBy } : {}),
    sharedAt: fromSeconds(base),
    items,
    findingsSummary: { error: counts[0], warning: counts[1], info: counts[2], confirm: counts[3] },
    ...(fields ? { fields } : {}),
  };
}

/** Rule ids repeat the pack and direction ("2019-intl-1/1.6/ip-agreement"): the code keeps only what differs. */
function compactId(id: string, packId: string, direction: string): string {
  const candidates = [id.slice(`${packId}/${direction}/`.length), id.slice(packId.length), `=${id}`];
  return candidates.find((c) => expandId(c, packId, direction) === id)!;
}

function expandId(id: string, packId: string, direction: string): string {
  if (id.startsWith('=')) return id.slice(1);
  if (id.startsWith('/')) return packId + id;
  return `${packId}/${direction}/${id}`;
}

/** A pasted code or a share file's text: a file is JSON (starts with "{"), anything else is read as a code. */
export function readShareText(text: string): { ok: true; share: Share } | ShareRefusal {
  return /^\s*\ufeff?\s*\{/.test(text) ? shareFromFile(text) : decodeShareCode(text);
}
