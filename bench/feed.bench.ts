// npm run bench -- feed: verify + validate a ~1 MB signed pack, through WebCrypto and through noble.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyEnvelope } from '../lib/feed/accept';
import { nobleEd25519, webcryptoEd25519, type Ed25519 } from '../lib/feed/crypto';
import { utf8 } from '../lib/feed/encoding';
import { serializeEnvelope, signPack } from '../lib/feed/envelope';
import { keyFileFromSeed } from '../lib/feed/keyFile';
import { parsePack } from '../lib/packs/parsePack';
import { median, percentile, type Bench, type BenchFigure } from './types';

/** The test fixture pack grown to ~1 MB by repeating its direction under new codes (rule ids made unique). */
function megabytePack(): string {
  const pack = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'feed', 'pack-v1.json'), 'utf8'),
  );
  const template = pack.directions[0];
  const perDirection = utf8(JSON.stringify(template)).length + 1;
  const directions = Array.from({ length: Math.ceil((1024 * 1024) / perDirection) }, (_, i) => {
    const code = `${Math.floor(i / 99) + 1}.${(i % 99) + 1}`;
    return {
      ...template,
      code,
      rules: template.rules.map((r: { id: string }) => ({ ...r, id: r.id.replace('/1.1/', `/${code}/`) })),
    };
  });
  return JSON.stringify({ ...pack, directions });
}

async function time(impl: Ed25519, envelope: string, publicKey: string, kid: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await verifyEnvelope(envelope, {
      trustedKeys: [{ kid, publicKey }],
      threshold: 1,
      validatePack: parsePack,
      impl,
    });
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(`bench envelope refused: ${result.message.en}`);
  }
  return times;
}

const bench: Bench = {
  topic: 'feed',
  async run() {
    const text = megabytePack();
    const key = await keyFileFromSeed(webcryptoEd25519, new Uint8Array(32).fill(5));
    const seed = new Uint8Array(32).fill(5);
    const envelope = serializeEnvelope(
      await signPack(
        webcryptoEd25519,
        { packId: JSON.parse(text).id, packVersion: 1, expires: '2099-12-31' },
        utf8(text),
        [{ kid: key.kid, seed }],
      ),
    );
    const figures: BenchFigure[] = [
      { name: 'pack size', value: utf8(text).length, unit: 'bytes' },
      { name: 'envelope size', value: envelope.length, unit: 'bytes' },
    ];
    const json = JSON.parse(text);
    const validateOnly: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      parsePack(json);
      validateOnly.push(performance.now() - start);
    }
    figures.push({
      name: 'of which parsePack (schema + conventions) median',
      value: median(validateOnly),
      unit: 'ms',
      note: 'median of 30',
    });
    for (const impl of [webcryptoEd25519, nobleEd25519]) {
      await time(impl, envelope, key.publicKey, key.kid, 3); // warm-up
      const times = await time(impl, envelope, key.publicKey, key.kid, 30);
      figures.push(
        {
          name: `verify + validate 1 MB (${impl.name}) median`,
          value: median(times),
          unit: 'ms',
          note: 'median of 30',
          target: '≤ 50 ms',
        },
        {
          name: `verify + validate 1 MB (${impl.name}) p95`,
          value: percentile(times, 95),
          unit: 'ms',
          note: 'p95 of 30',
          target: '≤ 50 ms',
        },
        {
          name: `verify + validate 1 MB (${impl.name}) p99`,
          value: percentile(times, 99),
          unit: 'ms',
          note: 'p99 of 30',
        },
      );
    }
    return figures;
  },
};

export default bench;
