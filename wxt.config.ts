import { defineConfig } from 'wxt';

/** Hosts of the local replica portal (scripts/replica): matched only in development and test builds. */
const REPLICA_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
const PORTAL_MATCHES = ['*://*.most.gov.cn/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage'],
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production') return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.some((m) => PORTAL_MATCHES.includes(m))) script.matches.push(...REPLICA_MATCHES);
      }
    },
  },
});
