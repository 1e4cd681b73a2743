// Fuzz of the feed path after the signature verifies: envelopes signed by keys the feed trusts (mutated
// payloads, schema edge cases, versions around the high-water mark, expired, deep nesting, huge strings,
// duplicate ids, header mismatches) and key-list rotations, run through the updater against a model of
// what it must do. Used by test/unit/feed/fuzzSigned.test.ts (short) and `npm run fuzz:feed` (≥ 20,000).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcryptoEd25519 } from '../../lib/feed/crypto';
import { sha256Hex, utf8 } from '../../lib/feed/encoding';
import { CalendarDate, serializeEnvelope, signPack } from '../../lib/feed/envelope';
import { FEED_FORMAT, type FeedIndex } from '../../lib/feed/feedIndex';
import type { FetchFn } from '../../lib/feed/fetch';
import { keyFileFromSeed, type SigningKey, type TrustedKey } from '../../lib/feed/keyFile';
import { signKeyList, type KeyList } from '../../lib/feed/keys';
import { createUpdater, type FeedState, type FeedStore } from '../../lib/feed/updater';
import { parsePack } from '../../lib/packs/parsePack';
import { prng } from './prng';

const FEED = 'https://feeds.example.edu.cn/guidecheck/index.json';
const NOW = new Date('2026-03-01T00:00:00Z');
const PACK_ID = 'test-2020-hmt';
const base = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'feed', 'pack-v1.json'), 'utf8'),
) as Record<string, unknown>;

interface Key {
  signing: SigningKey;
  trusted: TrustedKey;
}

/** What one case expects of the updater: an exact refusal reason, or one of a set for random mutations. */
type Expect =
  | { kind: 'accepted' }
  | { kind: 'resigned-or-unchanged' }
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'rotated' };

/** The updater keeps this many accepted digests per pack (lib/feed/updater.ts MAX_DIGESTS_PER_PACK). */
const REMEMBERED = 32;

interface Case {
  cls: string;
  /** Envelope text for the one index entry, or undefined to serve the last good one again. */
  envelope: string;
  keyList?: { text: string; seq: number };
  expect: Expect;
  passesSignature: boolean;
  /** Applied to the model when the case is accepted as expected. */
  onAccept?: () => void;
}

export interface FuzzReport {
  cases: number;
  passedSignature: number;
  acceptedInvalid: string[];
  thrown: string[];
  wrongReason: string[];
  emptyRules: string[];
  byClass: Record<string, number>;
  /** Milliseconds per class, generation and check together. */
  msByClass: Record<string, number>;
  reasons: Record<string, number>;
}

const clone = () => structuredClone(base);
const text = (pack: unknown) => JSON.stringify(pack);

export async function runFeedFuzz(cases: number, seed = 20261128): Promise<FuzzReport> {
  const r = prng(seed);
  const pool: Key[] = [];
  for (let i = 0; i < 6; i++) {
    const seedBytes = new Uint8Array(32).fill(70 + i);
    const file = await keyFileFromSeed(webcryptoEd25519, seedBytes);
    pool.push({ signing: { kid: file.kid, seed: seedBytes }, trusted: { kid: file.kid, publicKey: file.publicKey } });
  }
  const outsider = pool[5]!;
  const model = {
    keys: [pool[0]!, pool[1]!],
    threshold: 1,
    seq: 0,
    highWater: 0,
    digests: new Map<number, string>(),
    /** The last accepted pack text per version: re-signing needs the exact bytes. */
    texts: new Map<number, string>(),
  };
  const subscription = {
    feedUrl: FEED,
    trustedKeys: [pool[0]!.trusted, pool[1]!.trusted],
    threshold: 1,
    name: 'fuzz',
    source: 'policy' as const,
  };
  let state: unknown;
  const store: FeedStore = {
    get: async () => structuredClone(state),
    put: async (next: FeedState) => {
      state = structuredClone(next);
    },
  };
  const files = new Map<string, string>();
  const fetch: FetchFn = async (url) => {
    const body = files.get(url.slice(FEED.length - 'index.json'.length));
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body);
  };
  const bundled = parsePack(base);
  if (!bundled.ok) throw new Error('fixture pack invalid');
  const newUpdater = () =>
    createUpdater({ subscription, fetch, store, validatePack: parsePack, now: () => NOW, impl: webcryptoEd25519 });
  let updater = newUpdater();

  const signers = (n = model.threshold) => {
    const shuffled = [...model.keys].sort(() => r.next() - 0.5);
    return shuffled.slice(0, Math.max(n, 1));
  };
  const seal = async (
    packText: string,
    keys: Key[],
    header?: { packId: string; packVersion: number; expires: string },
  ) => {
    const p = (() => {
      try {
        return JSON.parse(packText) as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    const h = header ?? {
      packId: typeof p.id === 'string' && /^[a-z0-9-]{1,100}$/.test(p.id) ? p.id : PACK_ID,
      packVersion: Number.isInteger(p.version) && (p.version as number) > 0 ? (p.version as number) : 1,
      expires: typeof p.expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.expires) ? p.expires : '2099-12-31',
    };
    return serializeEnvelope(
      await signPack(
        webcryptoEd25519,
        h,
        utf8(packText),
        keys.map((k) => k.signing),
      ),
    );
  };
  /** A valid pack text at `version` whose content is new (the title names the case). */
  const freshPack = (version: number, i: number, edit?: (p: Record<string, unknown>) => void) => {
    const p = clone();
    p.version = version;
    p.title = { zh: `测试规则包 ${i}`, en: `Test pack ${i}` };
    edit?.(p);
    return text(p);
  };
  const nextVersion = () => model.highWater + 1 + r.int(3);
  const remember = (version: number, packText: string) => {
    model.highWater = version;
    model.texts.set(version, packText);
    for (const old of [...model.texts.keys()].sort((a, b) => b - a).slice(REMEMBERED)) model.texts.delete(old);
  };

  const classes: Record<string, (i: number) => Promise<Case>> = {
    'valid newer version': async (i) => {
      const v = nextVersion();
      const t = freshPack(v, i);
      return {
        cls: '',
        envelope: await seal(t, signers()),
        expect: { kind: 'accepted' },
        passesSignature: true,
        onAccept: () => remember(v, t),
      };
    },
    're-signed same version': async () => {
      const versions = [...model.texts.keys()];
      if (!versions.length) return classes['valid newer version']!(0);
      const v = r.pick(versions);
      return {
        cls: '',
        envelope: await seal(model.texts.get(v)!, signers(model.keys.length)),
        // The version in use again: re-signed (or unchanged). An older one: a rollback, whatever its signatures.
        expect: v === model.highWater ? { kind: 'resigned-or-unchanged' } : { kind: 'refused', reasons: ['rollback'] },
        passesSignature: true,
      };
    },
    'version at or below the high-water mark': async (i) => {
      const v = Math.max(1, model.highWater - r.int(3));
      const known = model.texts.has(v);
      return {
        cls: '',
        envelope: await seal(freshPack(v, i + 1_000_000), signers()),
        expect: { kind: 'refused', reasons: [known ? 'version-conflict' : 'rollback'] },
        passesSignature: true,
      };
    },
    expired: async (i) => ({
      cls: '',
      envelope: await seal(
        freshPack(nextVersion(), i, (p) => {
          p.expires = r.pick(['2026-02-28', '2025-12-31', '2020-01-01']);
        }),
        signers(),
      ),
      expect: { kind: 'refused', reasons: ['expired'] },
      passesSignature: true,
    }),
    'deep nesting': async (i) => {
      const depth = 33 + r.int(3000);
      // Built as text: JSON.stringify itself recurses, and the point is what the updater does with it.
      let open = '';
      let close = '';
      for (let d = 0; d < depth; d++) {
        const all = r.next() < 0.5;
        open += all ? '{"all":[' : '{"not":';
        close = (all ? ']}' : '}') + close;
      }
      const when = `${open}{"field":"project.duration","op":"lte","value":3}${close}`;
      const t = freshPack(nextVersion(), i, (p) => {
        (p.directions as { rules: Record<string, unknown>[] }[])[0]!.rules[0]!.when = '@WHEN@';
      }).replace('"@WHEN@"', when);
      return {
        cls: '',
        envelope: await seal(t, signers()),
        expect: { kind: 'refused', reasons: ['limits'] },
        passesSignature: true,
      };
    },
    'huge string': async (i) => {
      const long = r.pick(['长', 'a', '\u{1F600}']).repeat(10_001 + r.int(60_000));
      const t = freshPack(nextVersion(), i, (p) => {
        const where = r.int(3);
        if (where === 0) p.title = { zh: long, en: 'x' };
        else if (where === 1) (p.directions as Record<string, unknown>[])[0]!.title = long;
        else (p.directions as { rules: Record<string, unknown>[] }[])[0]!.rules[0]!.quote = long;
      });
      return {
        cls: '',
        envelope: await seal(t, signers()),
        expect: { kind: 'refused', reasons: ['limits'] },
        passesSignature: true,
      };
    },
    'duplicate ids': async (i) => {
      const t = freshPack(nextVersion(), i, (p) => {
        const dirs = p.directions as { code: string; rules: { id: string }[] }[];
        if (r.next() < 0.5) dirs.push(structuredClone(dirs[0]!));
        else dirs[0]!.rules.push(structuredClone(dirs[0]!.rules[0]!));
      });
      return {
        cls: '',
        envelope: await seal(t, signers()),
        expect: { kind: 'refused', reasons: ['schema'] },
        passesSignature: true,
      };
    },
    'schema edge values': async (i) => {
      const v = nextVersion();
      const edits: [string, (p: Record<string, unknown>) => void][] = [
        ['version 0', (p) => (p.version = 0)],
        ['version 1.5', (p) => (p.version = v + 0.5)],
        ['version 2^53', (p) => (p.version = 2 ** 53)],
        ['version as string', (p) => (p.version = String(v))],
        ['expires 2099-02-30', (p) => (p.expires = r.pick(['2099-02-30', '2026-02-30', '2099-13-01']))],
        ['expires not a date', (p) => (p.expires = 'soon')],
        ['id uppercase', (p) => (p.id = 'TEST-2020-HMT')],
        ['no directions', (p) => (p.directions = [])],
        ['directions null', (p) => (p.directions = null)],
        ['title empty', (p) => (p.title = { zh: '', en: '' })],
        ['unknown rule kind', (p) => ((p.directions as { rules: { kind: string }[] }[])[0]!.rules[0]!.kind = 'magic')],
        [
          'unknown operator',
          (p) =>
            ((p.directions as { rules: Record<string, unknown>[] }[])[0]!.rules[0]!.when = {
              field: 'project.duration',
              op: 'regexp',
              value: '.*',
            }),
        ],
        [
          'rule without quote',
          (p) => delete (p.directions as { rules: Record<string, unknown>[] }[])[0]!.rules[0]!.quote,
        ],
        ['array as pack', (p) => Object.assign(p, { 0: 1 })],
        // Unknown keys: refused once the pack schema is strict (lib/packs), accepted before; the oracle follows parsePack.
        [
          'misspelt "wehn" on a rule',
          (p) => {
            const rule = (p.directions as { rules: Record<string, unknown>[] }[])[0]!.rules[0]!;
            rule.wehn = { field: 'project.duration', op: 'lte', value: 3 };
          },
        ],
        ['unknown key on a direction', (p) => ((p.directions as Record<string, unknown>[])[0]!.budgett = 1)],
        ['unknown top-level key', (p) => (p.extra = true)],
      ];
      const [, edit] = r.pick(edits);
      const t = freshPack(v, i, edit);
      const parsed = parsePack(JSON.parse(t));
      // The envelope header also refuses days that do not exist, which the pack schema lets through.
      const valid = parsed.ok && CalendarDate.safeParse(parsed.pack.expires).success;
      return {
        cls: '',
        envelope: await seal(t, signers()),
        // A few edits leave a valid pack (e.g. an extra top-level key while the schema is not strict). An
        // impossible date or an unsafe integer is refused in the envelope header or the index entry already.
        expect: valid
          ? { kind: 'accepted' }
          : { kind: 'refused', reasons: ['schema', 'header-mismatch', 'malformed', 'index'] },
        passesSignature: true,
        onAccept: () => remember((JSON.parse(t) as { version: number }).version, t),
      };
    },
    'header differs from payload': async (i) => {
      const v = nextVersion();
      const header = r.pick([
        { packId: 'other-pack', packVersion: v, expires: '2099-12-31' },
        { packId: PACK_ID, packVersion: v + 1, expires: '2099-12-31' },
        { packId: PACK_ID, packVersion: v, expires: '2098-01-01' },
      ]);
      return {
        cls: '',
        envelope: await seal(
          freshPack(v, i, (p) => (p.expires = '2099-12-31')),
          signers(),
          header,
        ),
        expect: {
          kind: 'refused',
          reasons: header.packId !== PACK_ID ? ['index-mismatch', 'header-mismatch'] : ['header-mismatch'],
        },
        passesSignature: true,
      };
    },
    'mutated payload bytes': async (i) => {
      const bytes = utf8(freshPack(nextVersion(), i)).slice();
      for (let n = 1 + r.int(4); n > 0; n--) bytes[r.int(bytes.length)]! ^= 1 << r.int(8);
      const t = new TextDecoder().decode(bytes);
      let expect: Expect = {
        kind: 'refused',
        reasons: [
          'malformed',
          'payload',
          'limits',
          'schema',
          'header-mismatch',
          'expired',
          'rollback',
          'version-conflict',
          'index-mismatch',
        ],
      };
      try {
        const parsed = parsePack(JSON.parse(t));
        // A flip inside a free-text string can leave a valid pack: then it must be accepted like any other.
        if (
          parsed.ok &&
          parsed.pack.id === PACK_ID &&
          parsed.pack.version > model.highWater &&
          parsed.pack.expires >= '2026-03-01' &&
          CalendarDate.safeParse(parsed.pack.expires).success
        )
          expect = { kind: 'accepted' };
      } catch {
        /* not JSON: refused as payload */
      }
      return {
        cls: '',
        envelope: await seal(t, signers()),
        expect,
        passesSignature: true,
        onAccept: () => remember((JSON.parse(t) as { version: number }).version, t),
      };
    },
    'signed payload that is not JSON': async () => ({
      cls: '',
      envelope: serializeEnvelope(
        await signPack(
          webcryptoEd25519,
          { packId: PACK_ID, packVersion: nextVersion(), expires: '2099-12-31' },
          // Never JSON: invalid UTF-8 (a leading 0xFF), or text starting with a bare word.
          r.next() < 0.5
            ? Uint8Array.from({ length: 1 + r.int(200) }, (_, j) => (j === 0 ? 0xff : r.int(256)))
            : utf8(`not json ${String.fromCharCode(...Array.from({ length: r.int(80) }, () => 32 + r.int(95)))}`),
          signers().map((k) => k.signing),
        ),
      ),
      expect: { kind: 'refused', reasons: ['payload'] },
      passesSignature: true,
    }),
    'key-list rotation': async () => {
      const current = model.keys;
      const variant = r.int(6);
      const newKeys = [...pool.slice(0, 5)].sort(() => r.next() - 0.5).slice(0, 1 + r.int(3));
      const threshold = 1 + r.int(newKeys.length);
      const list: KeyList = { seq: model.seq + 1, threshold, keys: newKeys.map((k) => k.trusted) };
      let signedBy = [...current.slice(0, model.threshold), ...newKeys];
      let expect: Expect = { kind: 'rotated' };
      if (variant === 1) {
        // Signed by the new keys alone (none of them trusted now), or by an outsider.
        signedBy = newKeys.filter((k) => !current.includes(k));
        if (signedBy.length === 0) signedBy = [outsider];
        expect = { kind: 'refused', reasons: ['signature'] };
      } else if (variant === 2) {
        list.threshold = newKeys.length + 1;
        expect = { kind: 'refused', reasons: ['key-list'] };
      } else if (variant === 3) {
        list.keys = [...list.keys, list.keys[0]!];
        expect = { kind: 'refused', reasons: ['key-list'] };
      } else if (variant === 4 && model.seq > 0) {
        // A replayed older list: the index announces a new seq, the list inside carries an old one.
        list.seq = model.seq - r.int(Math.min(model.seq, 3));
        expect = { kind: 'refused', reasons: ['key-list'] };
      } else if (variant === 5) {
        // An added key that did not sign.
        const added = newKeys.filter((k) => !current.includes(k));
        if (added.length) {
          signedBy = signedBy.filter((k) => k !== added[0]);
          expect = { kind: 'refused', reasons: ['key-list'] };
        }
      }
      const keyText = serializeEnvelope(
        await signKeyList(
          webcryptoEd25519,
          list,
          [...new Set(signedBy)].map((k) => k.signing),
        ),
      );
      // The pack in use, re-signed by the keys in force after the case, as docs/admin.md §5 says.
      const after = expect.kind === 'rotated' ? newKeys : current;
      const afterThreshold = expect.kind === 'rotated' ? Math.max(1, threshold) : model.threshold;
      const latest = model.texts.get(model.highWater)!;
      return {
        cls: '',
        envelope: await seal(latest, after.slice(0, Math.max(afterThreshold, 1))),
        keyList: { text: keyText, seq: model.seq + 1 },
        expect,
        passesSignature: true,
        onAccept: () => {
          model.keys = newKeys;
          model.threshold = threshold;
          model.seq = list.seq;
        },
      };
    },
    'signed by an untrusted key': async (i) => ({
      cls: '',
      envelope: await seal(freshPack(nextVersion(), i), [r.pick(pool.filter((k) => !model.keys.includes(k)))]),
      expect: { kind: 'refused', reasons: ['signature'] },
      passesSignature: false,
    }),
    'too few trusted signatures': async (i) => {
      if (model.threshold < 2) return classes['signed by an untrusted key']!(i);
      return {
        cls: '',
        envelope: await seal(freshPack(nextVersion(), i), signers(model.threshold - 1)),
        expect: { kind: 'refused', reasons: ['signature'] },
        passesSignature: false,
      };
    },
  };
  // Weights: most cases pass the signature, as the targets ask (≥ 40 %).
  const weighted = Object.keys(classes).flatMap((name) =>
    Array(name === 'key-list rotation' ? 2 : name.startsWith('signed by') || name.startsWith('too few') ? 2 : 3).fill(
      name,
    ),
  );

  const report: FuzzReport = {
    cases: 0,
    passedSignature: 0,
    acceptedInvalid: [],
    thrown: [],
    wrongReason: [],
    emptyRules: [],
    byClass: {},
    msByClass: {},
    reasons: {},
  };
  for (let i = 0; i < cases; i++) {
    // The first case gives the feed a pack, so that versions, re-signing and rotations have one to work on.
    const name = i === 0 ? 'valid newer version' : weighted[r.int(weighted.length)]!;
    const started = performance.now();
    const c = { ...(await classes[name]!(i)), cls: name };
    report.cases++;
    report.byClass[name] = (report.byClass[name] ?? 0) + 1;
    files.clear();
    const index: FeedIndex = {
      format: FEED_FORMAT,
      version: 1,
      updated: NOW.toISOString(),
      packs: [
        {
          id: PACK_ID,
          version: (JSON.parse(c.envelope) as { packVersion: number }).packVersion,
          expires: '2099-12-31',
          url: 'packs/p.json',
          sha256: await sha256Hex(utf8(c.envelope)),
        },
      ],
    };
    files.set('packs/p.json', c.envelope);
    if (c.keyList) {
      files.set('keys.json', c.keyList.text);
      index.keys = { url: 'keys.json', seq: c.keyList.seq };
    }
    files.set('index.json', JSON.stringify(index));
    try {
      if (i % 97 === 0) updater = newUpdater(); // a worker restart: stored envelopes verified again
      const result = await updater.checkFeed();
      if (c.passesSignature && !result.refused.some((x) => x.reason === 'signature' && x.packId === PACK_ID))
        report.passedSignature++;
      const packRefusal = result.refused.find((x) => x.packId === PACK_ID);
      const keyRefusal = result.refused.find((x) => x.packId === '(keys)');
      for (const x of result.refused) report.reasons[x.reason] = (report.reasons[x.reason] ?? 0) + 1;
      if (!result.ok) report.wrongReason.push(`${i} ${name}: check failed: ${result.error?.message.en}`);
      const accepted = result.accepted.some((a) => a.packId === PACK_ID);
      const e = c.expect;
      const tag = `${i} ${name}`;
      if (e.kind === 'rotated') {
        if (result.rotatedKeys === undefined)
          report.wrongReason.push(`${tag}: key list refused (${keyRefusal?.message.en})`);
        else c.onAccept?.();
      } else if (c.keyList && e.kind === 'refused') {
        if (result.rotatedKeys !== undefined) report.acceptedInvalid.push(`${tag}: key list accepted`);
        else if (!e.reasons.includes(keyRefusal?.reason ?? 'none'))
          report.wrongReason.push(`${tag}: ${keyRefusal?.reason} (${keyRefusal?.message.en}), expected ${e.reasons}`);
      } else if (e.kind === 'accepted') {
        if (!accepted) report.wrongReason.push(`${tag}: not accepted (${packRefusal?.message.en})`);
        else c.onAccept?.();
      } else if (e.kind === 'resigned-or-unchanged') {
        if (accepted) report.acceptedInvalid.push(`${tag}: accepted as new`);
        else if (packRefusal) report.wrongReason.push(`${tag}: ${packRefusal.message.en}`);
      } else if (accepted) report.acceptedInvalid.push(`${tag}: accepted`);
      else if (!e.reasons.includes(packRefusal?.reason ?? 'none'))
        report.wrongReason.push(`${tag}: ${packRefusal?.reason} (${packRefusal?.message.en}), expected ${e.reasons}`);
      // Whatever happened, the rules in use never become empty and are always a pack once accepted.
      const { packs } = await updater.currentPacks([bundled.pack]);
      const inUse = packs.find((p) => p.pack.id === PACK_ID);
      if (!inUse) report.emptyRules.push(tag);
      else if (inUse.source === 'feed' && inUse.pack.version > model.highWater)
        report.acceptedInvalid.push(`${tag}: in use v${inUse.pack.version} above the model's ${model.highWater}`);
    } catch (error) {
      report.thrown.push(`${i} ${name}: ${(error as Error).stack}`);
    }
    report.msByClass[name] = (report.msByClass[name] ?? 0) + performance.now() - started;
  }
  return report;
}
