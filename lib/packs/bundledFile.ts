import type { RulePack } from './schema';

/**
 * The bundled packs as a file of the extension (written by the build: scripts/support/bundledPacks.ts), for the
 * service worker. Fetched rather than bundled into its script: a cold start does not compile a 200 KB string first.
 */
export const BUNDLED_PACKS_FILE = 'bundled-packs.json';

/** The packs of `url` (the extension's own file, validated when it was built): parsed without zod, trusted. */
export async function fetchBuiltInPacks(url: string, fetchFile: typeof fetch = fetch): Promise<RulePack[]> {
  const response = await fetchFile(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as RulePack[];
}
