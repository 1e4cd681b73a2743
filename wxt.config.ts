import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { bundledPacks } from './scripts/support/bundledPacks';
import { storeReady } from './scripts/support/storeReady';

/**
 * Hosts of the local replica portal (replica/): matched in `wxt` dev mode and in test builds
 * (GUIDECHECK_TEST_BUILD=1, written to .output-test/), never in the store build or zip.
 */
const TEST_BUILD = process.env.GUIDECHECK_TEST_BUILD === '1';
const REPLICA_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
/**
 * Test builds: a replica host the content script runs on but whose pages may not frame the panel (it is left out of
 * web_accessible_resources), so the browser refuses the frame there and the reduced panel is tested
 * (test/e2e/fallback.chromium.e2e.ts). *.localhost resolves to this machine without DNS.
 */
const FRAME_REFUSED_MATCHES = ['http://frame-refused.localhost/*'];
// https only: an http:// copy of the portal (or a forged one) gets no overlay, only a notice in the popup.
const PORTAL_MATCHES = ['https://*.most.gov.cn/*'];
const NATIVE_BROWSER = fileURLToPath(import.meta.resolve('@wxt-dev/browser'));
/**
 * Test build only: a fixed public key, so the unpacked extension's id is stable (ldojkgchfncdbnboiolkncmkgabidfoj)
 * and the Chromium policy test can address it under 3rdparty.extensions. No private key exists or is needed.
 */
const TEST_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuakZ1R1tY7PQSkuXAgx13HEVideUmqherc00ijQYxO3NoKbdM+M/UDub/eh6Oeq5nYWqO+6csPQxeWXHnOTxi23ZTweja7WTkGzJz2u4IMfNAgclfwKHh7n/GKOLnz2LZr5nkJKRTXo4L6rRl42Aa1oTwXjWQTfZ5eeAFOqjnv/e2nL1MdUQvuQDaRw9iC41Ir1ZyyAkeD/TROGw7Fo+/P94INtMqGw5wi2fGrKNaOsHApOn8vrWIRfxcx/vi4dQ7GlPsEEKeCsFmqGjoxcgm8XgcN7O00vYXU4lXD/5IN4DgmKYwYo+UydnpwQkucwd5F+Y/O1SY9OfhRqUakCvEQIDAQAB';

export default defineConfig({
  outDir: TEST_BUILD ? '.output-test' : '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [storeReady(), bundledPacks()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab: the popup reads the address of the tab it was opened on, to tell an http:// portal page apart.
    // scripting (Chrome): after an update the new content script is run in open portal tabs, so the old one's
    // unsaved changes are handed over; that needs the portal as a host permission too (no new install warning: the
    // content script already runs there).
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['scripting']),
    ],
    // The checklist panel is an extension page framed into the portal page (lib/overlay/panelFrame.ts): only the
    // portal's pages may frame it (test builds add the replica's hosts below, as for the content script).
    web_accessible_resources: [{ resources: ['panel.html'], matches: [...PORTAL_MATCHES] }],
    // Rule feeds live on any institution's HTTPS host: asked for at runtime, per feed, when the user subscribes.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*'] }
      : { optional_host_permissions: ['https://*/*'] }),
    // Chrome: the portal, for running the new content script in open tabs after an update (see permissions).
    // Test build: the local feed server is allowed outright, because Playwright cannot answer the
    // permission prompt (context.grantPermissions does not cover extension permissions).
    ...((browser !== 'firefox' || TEST_BUILD) && {
      host_permissions: [
        ...(browser !== 'firefox' ? PORTAL_MATCHES : []),
        ...(TEST_BUILD ? ['http://127.0.0.1/*'] : []),
      ],
    }),
    ...(TEST_BUILD && browser !== 'firefox' && { key: TEST_MANIFEST_KEY }),
    // Enterprise policy (feeds, institution): Chrome/Edge read its shape from this file; Firefox from policies.json.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'guidecheck@guidecheck.app',
          // 140 (the current ESR) is the first to read data_collection_permissions; Android has it from 142.
          strict_min_version: '140.0',
          // AMO: nothing leaves the browser for us; feeds are fetched, never sent to.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The content script uses the browser's own promise-based API (Chrome MV3 and Firefox both have one) instead
    // of webextension-polyfill: it keeps the script within its size budget. Extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.resolve ??= {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), 'wxt/browser': NATIVE_BROWSER };
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production' && !TEST_BUILD) return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.some((m) => PORTAL_MATCHES.includes(m)))
          script.matches.push(...REPLICA_MATCHES, ...FRAME_REFUSED_MATCHES);
      }
      if (manifest.host_permissions?.some((m: string) => PORTAL_MATCHES.includes(m)))
        manifest.host_permissions = [...new Set([...manifest.host_permissions, ...REPLICA_MATCHES])];
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && resource.matches?.some((m) => PORTAL_MATCHES.includes(m)))
          resource.matches.push(...REPLICA_MATCHES);
      }
    },
  },
});
