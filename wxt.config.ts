import { defineConfig } from 'wxt';

/**
 * Hosts of the local replica portal (replica/): matched in `wxt` dev mode and in test builds
 * (GUIDECHECK_TEST_BUILD=1, written to .output-test/), never in the store build or zip.
 */
const TEST_BUILD = process.env.GUIDECHECK_TEST_BUILD === '1';
const REPLICA_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
const PORTAL_MATCHES = ['*://*.most.gov.cn/*'];

export default defineConfig({
  outDir: TEST_BUILD ? '.output-test' : '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage'],
    ...(browser === 'firefox' && { browser_specific_settings: { gecko: { id: 'guidecheck@guidecheck.app', strict_min_version: '128.0' } } }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production' && !TEST_BUILD) return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.some((m) => PORTAL_MATCHES.includes(m))) script.matches.push(...REPLICA_MATCHES);
      }
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && resource.matches?.some((m) => PORTAL_MATCHES.includes(m))) resource.matches.push(...REPLICA_MATCHES);
      }
    },
  },
});
