// Share code size for the largest direction of the real 2019 pack, and the time to encode, decode and merge it.
import { decodeShareCode, encodeShareCode } from '../lib/share/code';
import { mergeContextFor, mergeShare } from '../lib/share/merge';
import { fullShare } from '../test/fixtures/share/shares';
import { fullChecklist, largestDirection, realPack } from '../test/fixtures/share/team';
import { median, percentile, type Bench, type BenchFigure } from './types';
import { emptyChecklist } from '../lib/core/vocabulary';

function timed(run: () => unknown, times: number): number[] {
  for (let i = 0; i < 20; i++) run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

function figures(name: string, samples: number[], target?: string): BenchFigure[] {
  return [
    { name, value: median(samples), unit: 'ms', note: `median of ${samples.length}`, ...(target ? { target } : {}) },
    { name, value: percentile(samples, 95), unit: 'ms', note: `p95 of ${samples.length}` },
    { name, value: percentile(samples, 99), unit: 'ms', note: `p99 of ${samples.length}` },
  ];
}

const bench: Bench = {
  topic: 'share',
  async run() {
    const pack = realPack();
    const code = largestDirection(pack);
    const share = fullShare();
    const text = encodeShareCode(share);
    const items = Object.keys(share.items).length;
    const context = mergeContextFor(pack, code)!;
    // Merge into a checklist the teammate's changes partly overlap: older local times, so every item is decided.
    const local = fullChecklist(pack, code, Date.parse('2024-02-01T00:00:00.000Z'));
    return [
      {
        name: `share code, direction ${code} (${items} items, every one confirmed with a note and an owner, no field contents)`,
        value: text.length,
        unit: 'chars',
        target: '≤ 2,000 chars',
      },
      {
        name: 'share file (JSON) of the same share',
        value: new TextEncoder().encode(JSON.stringify(share)).length,
        unit: 'bytes',
      },
      ...figures(
        'encode share code',
        timed(() => encodeShareCode(share), 500),
      ),
      ...figures(
        'decode share code (checksum, inflate, zod)',
        timed(() => decodeShareCode(text), 500),
      ),
      ...figures(
        'merge into an empty checklist',
        timed(() => mergeShare(emptyChecklist(), share, context), 500),
      ),
      ...figures(
        'merge into a fully worked checklist',
        timed(() => mergeShare(local, share, context), 500),
      ),
    ];
  },
};

export default bench;
