import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application } from '@/lib/application/model';
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

/** A fixture application of test/fixtures/applications. */
export function fixture(packId: string, file: string): Application {
  return Application.parse(JSON.parse(readFileSync(join(root, 'test/fixtures/applications', packId, file), 'utf8')));
}
