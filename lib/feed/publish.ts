import type { Ed25519 } from './crypto';
import { sha256Hex, utf8 } from './encoding';
import { serializeEnvelope, signAll, signPack, type PackHeader } from './envelope';
import { FEED_FORMAT, packFileName, timestampMessage, type FeedIndex } from './feedIndex';
import type { SigningKey } from './keyFile';

/** A pack to publish: its exact file bytes and the header read from it (already validated by the caller). */
export interface PackToPublish {
  header: PackHeader;
  bytes: Uint8Array;
}

/**
 * The static feed folder as path → file text: index.json plus one signed envelope per pack under packs/.
 * Servable as-is by any HTTPS static host; `keyList` (a signed key-list file) is included when given.
 * The index carries a timestamp signed by the same keys (the time of `updated`).
 */
export async function buildFeed(
  impl: Ed25519,
  packs: PackToPublish[],
  keys: SigningKey[],
  opts: { updated: Date; keyList?: { text: string; seq: number } },
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const index: FeedIndex = { format: FEED_FORMAT, version: 1, updated: opts.updated.toISOString(), packs: [] };
  if (opts.keyList) {
    files.set('keys.json', opts.keyList.text);
    index.keys = { url: 'keys.json', seq: opts.keyList.seq };
  }
  for (const { header, bytes } of packs) {
    const text = serializeEnvelope(await signPack(impl, header, bytes, keys));
    const url = packFileName(header.packId, header.packVersion);
    files.set(url, text);
    index.packs.push({
      id: header.packId,
      version: header.packVersion,
      expires: header.expires,
      url,
      sha256: await sha256Hex(utf8(text)),
    });
  }
  const at = opts.updated.toISOString();
  index.timestamp = { at, signatures: await signAll(impl, timestampMessage(index, at), keys) };
  files.set('index.json', `${JSON.stringify(index, null, 2)}\n`);
  return files;
}
