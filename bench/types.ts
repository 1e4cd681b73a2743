import { spawnSync } from 'node:child_process';
import { root } from '../scripts/support/browsers';

/** One figure of `npm run bench`. Timings in milliseconds, sizes in bytes. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: 'ms' | 'bytes' | 'chars' | 'count' | 'ratio';
  /** e.g. "median of 20", "p95 of 100" */
  note?: string;
  /** The target, for the report, never asserted. */
  target?: string;
}

/** Each bench/<topic>.bench.ts default-exports one of these; scripts/bench.ts runs them all. */
export interface Bench {
  topic: string;
  run(): Promise<BenchFigure[]>;
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** The Chromium test build (`.output-test/`), which knows the replica's hosts: what the browser benches load. */
export function buildTestExtension(): void {
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, GUIDECHECK_TEST_BUILD: '1' },
  });
  if (build.status !== 0) throw new Error('wxt build failed');
}
