import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { overlayStrings } from '@/lib/i18n/strings/overlay';
import { root } from '@/scripts/support/browsers';

const manifest = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'manifest.json'), 'utf8'));
const replicaHosts = ['http://127.0.0.1/*', 'http://localhost/*'];

test.each(['.output/chrome-mv3', '.output/firefox-mv2'])(
  'the store build %s matches only the portal’s hosts, over https only',
  (dir) => {
    const m = manifest(dir);
    expect(m.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([['https://*.most.gov.cn/*']]);
    expect(JSON.stringify(m)).not.toMatch(/"(\*|http):\/\//);
    expect(JSON.stringify(m)).not.toMatch(/127\.0\.0\.1|localhost/);
    // alarms: the rule-feed checks every few hours; feed hosts are optional permissions asked at runtime
    // activeTab: the popup reads its tab's address to tell an http:// portal page apart
    // scripting + the portal as host (Chrome): the new content script runs in open portal tabs after an update
    const chrome = dir.includes('chrome');
    expect(m.permissions).toEqual([
      'storage',
      'unlimitedStorage',
      'alarms',
      'activeTab',
      ...(chrome ? ['scripting'] : []),
    ]);
    expect(m.host_permissions).toEqual(chrome ? ['https://*.most.gov.cn/*'] : undefined);
    expect(m.default_locale).toBe('zh_CN');
  },
);

test.each(['.output-test/chrome-mv3', '.output-test/firefox-mv2'])(
  'the test build %s also matches the replica, and one replica host may not frame the panel',
  (dir) => {
    const refused = 'http://frame-refused.localhost/*';
    expect(manifest(dir).content_scripts[0].matches).toEqual(['https://*.most.gov.cn/*', ...replicaHosts, refused]);
    expect(JSON.stringify(manifest(dir).web_accessible_resources)).not.toContain(refused);
  },
);

test.each(['.output/chrome-mv3', '.output/firefox-mv2', '.output-test/chrome-mv3'])(
  'the worker of %s is one script without import() (a service worker may not import): lazy modules are inlined',
  (dir) => {
    const script = readFileSync(join(root, dir, 'background.js'), 'utf8');
    expect(script).not.toMatch(/\bimport\s*\(/);
    // the share codec is there, evaluated on first use
    expect(script).toContain('encodeShareCode');
  },
);

test.each(['.output/chrome-mv3', '.output/firefox-mv2', '.output-test/chrome-mv3', '.output-test/firefox-mv2'])(
  'the content script of %s stays within 40 KB gzip, without zod or the panel frame’s strings',
  (dir) => {
    const script = readFileSync(join(root, dir, 'content-scripts/portal.js'));
    expect(gzipSync(script).length).toBeLessThanOrEqual(40_000);
    const text = script.toString('utf8');
    // zod's issue codes are string literals any schema's parse carries
    expect(text).not.toMatch(/invalid_type|too_small/);
    // the panel (an extension page) has its own strings; the page side carries lib/i18n/strings/pageSide.ts only
    for (const { en } of Object.values(overlayStrings)) if (en.length > 24) expect(text).not.toContain(en);
  },
);

test('name and description are localised in zh_CN and en', () => {
  for (const locale of ['zh_CN', 'en']) {
    const messages = JSON.parse(
      readFileSync(join(root, '.output/chrome-mv3/_locales', locale, 'messages.json'), 'utf8'),
    );
    expect(messages.extName.message).toContain('GuideCheck');
    expect(messages.extDescription.message.length).toBeGreaterThan(20);
  }
});
