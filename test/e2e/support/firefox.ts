import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startReplica } from '@/replica/server';
import { launchFirefox } from '@/scripts/support/browsers';

/** For one test file: the replica portal and Firefox ESR with the extension, closed after the file. */
export function firefoxOnReplica() {
  const env = {} as { replica: Awaited<ReturnType<typeof startReplica>>; browser: Browser };
  beforeAll(async () => {
    env.replica = await startReplica({ port: 0 });
    ({ browser: env.browser } = await launchFirefox());
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.replica?.close();
  });
  return env;
}
