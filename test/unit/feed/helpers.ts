// Shared set-up for the feed tests: deterministic keys, the fixture packs, and a pack validator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcryptoEd25519 } from '@/lib/feed/crypto';
import { utf8 } from '@/lib/feed/encoding';
import { serializeEnvelope, signPack } from '@/lib/feed/envelope';
import type { FetchFn } from '@/lib/feed/fetch';
import { keyFileFromSeed, type SigningKey, type TrustedKey } from '@/lib/feed/keyFile';
import { buildFeed } from '@/lib/feed/publish';
import type { FeedState, FeedStore } from '@/lib/feed/updater';
import type { RulePack } from '@/lib/packs/schema';
import { parsePack } from '@/lib/packs/parsePack';

export const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'feed');

export function fixtureText(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

export interface TestKey {
  signing: SigningKey;
  trusted: TrustedKey;
}

/** A key from a one-byte pattern, so tests are repeatable. */
export async function testKey(fill: number): Promise<TestKey> {
  const seed = new Uint8Array(32).fill(fill);
  const file = await keyFileFromSeed(webcryptoEd25519, seed);
  return { signing: { kid: file.kid, seed }, trusted: { kid: file.kid, publicKey: file.publicKey } };
}

export const validatePack = parsePack;

/** Signs pack text as-is (header taken from the pack unless overridden) and returns the envelope file text. */
export async function sealText(
  packText: string,
  keys: TestKey[],
  header?: Partial<{ packId: string; packVersion: number; expires: string }>,
): Promise<string> {
  const pack = JSON.parse(packText) as { id: string; version: number; expires: string };
  const envelope = await signPack(
    webcryptoEd25519,
    { packId: pack.id, packVersion: pack.version, expires: pack.expires, ...header },
    utf8(packText),
    keys.map((k) => k.signing),
  );
  return serializeEnvelope(envelope);
}

/** The fixture pack with some fields replaced, as pack text. */
export function packVariant(edit: (pack: Record<string, unknown>) => void, name = 'pack-v1.json'): string {
  const pack = JSON.parse(fixtureText(name)) as Record<string, unknown>;
  edit(pack);
  return JSON.stringify(pack, null, 2);
}

/** Pack texts as a feed publishes them: each with the header read from its own JSON. */
export function feedEntries(packTexts: string[]) {
  return packTexts.map((t) => {
    const p = JSON.parse(t) as RulePack;
    return { header: { packId: p.id, packVersion: p.version, expires: p.expires }, bytes: utf8(t) };
  });
}

export const FEED = 'https://feeds.example.edu.cn/guidecheck/index.json';

/** A static host: serves whatever folder was last published. */
export function host() {
  let files = new Map<string, string>();
  const requests: string[] = [];
  const fetch: FetchFn = async (url) => {
    requests.push(url);
    const path = url.slice(FEED.length - 'index.json'.length);
    const text = files.get(path);
    return text === undefined ? new Response('not found', { status: 404 }) : new Response(text);
  };
  return {
    fetch,
    requests,
    async publish(
      packTexts: string[],
      signer: TestKey[],
      keyList?: { text: string; seq: number },
      updated = new Date('2026-01-01T00:00:00Z'),
    ) {
      const packs = feedEntries(packTexts);
      files = await buildFeed(
        webcryptoEd25519,
        packs,
        signer.map((k) => k.signing),
        { updated, keyList },
      );
      return files;
    },
    set(path: string, text: string) {
      files.set(path, text);
    },
    files: () => files,
  };
}

export function memoryStore(initial?: FeedState) {
  let state: unknown = initial && structuredClone(initial);
  const puts: FeedState[] = [];
  const store: FeedStore = {
    async get() {
      return structuredClone(state);
    },
    async put(next) {
      puts.push(structuredClone(next));
      state = structuredClone(next);
    },
  };
  return { store, puts, peek: () => state as FeedState };
}
