import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');
/** Built by `npm run build:test` (development hosts of the replica matched). */
export const chromeExtensionDir = join(root, '.output-test', 'chrome-mv3');
export const firefoxExtensionDir = join(root, '.output-test', 'firefox-mv2');
export const artifactsDir = join(root, 'test-results');

/** The first browser binary found, or undefined. */
export function findBinary(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((c): c is string => !!c && existsSync(c));
}
