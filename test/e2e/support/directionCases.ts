import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application } from '@/lib/application/model';
import { evaluate } from '@/lib/engine/evaluate';
import { bundledPackDir, loadPackDir } from '@/lib/packs/fromDisk';
import { projectToReplica } from './application';
import { root } from '@/scripts/support/browsers';

/** Six directions across both seeds, each typed in once failing and once passing. */
export const directionCases: [packId: string, code: string][] = [
  ['2019-intl-1', '1.2'],
  ['2019-intl-1', '2.7'],
  ['2019-intl-1', '1.7'],
  ['2019-intl-1', '2.0'],
  ['2019-intl-1', '2.5'],
  ['2020-hmt', '1.1'],
  ['2020-hmt', '1.2'],
];

/**
 * The rule ids the fixture must fail, as its pack's test/fixtures/applications/<pack>/expected-failures.json lists
 * them (a .pass.json fails none): what the panel shows is held to the fixtures' answer key, not only to the engine.
 */
export function expectedFailures(packId: string, file: string): string[] {
  if (file.endsWith('.pass.json')) return [];
  const { failures } = JSON.parse(
    readFileSync(join(root, 'test/fixtures/applications', packId, 'expected-failures.json'), 'utf8'),
  ) as { failures: Record<string, string[]> };
  const ids = failures[file];
  if (!ids) throw new Error(`expected-failures.json of ${packId} has no entry for ${file}`);
  return [...ids].sort();
}

/** The rules a panel shows failing, from its rule → status list, sorted. */
export const failingRules = (statuses: Record<string, string>) =>
  Object.keys(statuses)
    .filter((rule) => statuses[rule] === 'fail')
    .sort();

/** A fixture application of test/fixtures/applications. */
export function fixture(packId: string, file: string): Application {
  return Application.parse(JSON.parse(readFileSync(join(root, 'test/fixtures/applications', packId, file), 'utf8')));
}

const { packs } = loadPackDir(bundledPackDir);

/** Each direction typed in twice: with its failing and with its passing fixture. */
export const directionRuns = directionCases.flatMap(([packId, code]) =>
  (['fail', 'pass'] as const).map((kind) => [packId, code, kind] as const),
);

/**
 * One run: the application as the replica's form can hold it, the engine's verdict for each rule that applies to it
 * (the panel leaves out the others) and the failures of the fixture's answer key the panel must show.
 */
export function directionRun(packId: string, code: string, kind: 'fail' | 'pass') {
  const pack = packs.find((p) => p.id === packId)!;
  const app = projectToReplica(fixture(packId, `${code}.${kind}.json`));
  const statuses = Object.fromEntries(
    evaluate(pack, code, app)
      .filter((f) => f.status !== 'na')
      .map((f) => [f.ruleId, f.status]),
  );
  return { pack, app, statuses, failures: expectedFailures(packId, `${code}.${kind}.json`) };
}
