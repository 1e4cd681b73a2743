import './test/node20.ts';
import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built test extension in real Chromium and Firefox on the replica portal. */
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
