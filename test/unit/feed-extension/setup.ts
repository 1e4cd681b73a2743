// Shared set-up for the extension-side feed tests: fakeBrowser with permissions, a static feed host, a manager.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { webcryptoEd25519 } from '@/lib/feed/crypto';
import type { FeedBrowser, Permissions, StorageArea } from '@/lib/feed/extension/browserApi';
import { createFeedManager } from '@/lib/feed/extension/manager';
import type { FetchFn } from '@/lib/feed/fetch';
import { buildFeed } from '@/lib/feed/publish';
import type { Draft } from '@/lib/drafts/model';
import { parsePack } from '@/lib/packs/parsePack';
import type { RulePack } from '@/lib/packs/schema';
import { bundledOutline } from '@/lib/packs/origin';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';
import { feedEntries, type TestKey } from '../feed/helpers';

export const FEED = 'https://rules.example.edu.cn/guidecheck/index.json';
export const fieldMap = fieldMapJson as unknown as FieldMap;

export function pack(text: string): RulePack {
  const parsed = parsePack(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.pack;
}

/** Granted origins are a set; `request` grants (the user clicks Allow) unless `deny` is set. */
export function fakePermissions(granted: string[] = []) {
  const origins = new Set(granted);
  const state = { deny: false };
  const permissions: Permissions = {
    contains: vi.fn(async (p: { origins?: string[] }) => (p.origins ?? []).every((o) => origins.has(o))),
    request: vi.fn(async (p: { origins?: string[] }) => {
      if (state.deny) return false;
      for (const o of p.origins ?? []) origins.add(o);
      return true;
    }),
  };
  return { permissions, state };
}

export function testBrowser(granted: string[] = []): FeedBrowser {
  fakeBrowser.reset();
  return { ...(fakeBrowser as unknown as FeedBrowser), permissions: fakePermissions(granted).permissions };
}

/** A static host at FEED's folder: serves whatever was last published; `set` overwrites one file. */
export function feedHost(base = FEED) {
  let files = new Map<string, string>();
  const fetch: FetchFn = async (url) => {
    const text = url.startsWith(base.replace(/index\.json$/, ''))
      ? files.get(url.slice(base.length - 'index.json'.length))
      : undefined;
    return text === undefined ? new Response('not found', { status: 404 }) : new Response(text);
  };
  return {
    fetch,
    async publish(packTexts: string[], signers: TestKey[]) {
      const packs = feedEntries(packTexts);
      files = await buildFeed(
        webcryptoEd25519,
        packs,
        signers.map((k) => k.signing),
        { updated: new Date('2026-01-01T00:00:00Z') },
      );
      return files;
    },
    set(path: string, text: string) {
      files.set(path, text);
    },
  };
}

/** The fake browser's storage.session: what a restarted worker of the same browser session finds. */
export const sessionOf = (browser: FeedBrowser) => ({
  area: (browser.storage as unknown as { session: StorageArea }).session,
  version: '1.0.0',
});

export function manager(
  browser: FeedBrowser,
  fetch: FetchFn,
  bundled: RulePack[],
  drafts: Draft[] = [],
  now = new Date('2026-03-01T00:00:00Z'),
) {
  return createFeedManager({
    browser,
    fetch,
    bundled: async () => bundled,
    bundledIndex: bundled.map(bundledOutline),
    validatePack: parsePack,
    drafts: async () => drafts,
    fieldMap,
    now: () => now,
    impl: webcryptoEd25519,
    session: sessionOf(browser),
  });
}
