import './test/node20.ts';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // The build's virtual module of validated packs (scripts/support/bundledPacks.ts), made the same way for tests.
  resolve: {
    alias: {
      'virtual:guidecheck/bundled-packs': '/test/support/bundledPacksModule.ts',
      'virtual:guidecheck/bundled-index': '/test/support/bundledIndexModule.ts',
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'lib/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
