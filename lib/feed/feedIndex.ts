import { z } from 'zod';
import { utf8, type Bytes } from './encoding';
import { CalendarDate, Signature } from './envelope';

/**
 * index.json of a published feed folder: which packs (and optionally which key list) the folder serves.
 * Every envelope it lists is verified on its own, and `sha256` (of the envelope file) catches a stale or
 * half-uploaded file early. `timestamp` is the publisher's signature over the time of publishing and the
 * list itself: a mirror that keeps serving an old folder keeps serving an old time, and the extension
 * warns when no fresh timestamp came for N days (lib/feed/updater.ts).
 */
export const FEED_FORMAT = 'guidecheck-feed';
/** An index is a few lines per pack; anything larger is not an index. */
export const MAX_INDEX_BYTES = 256 * 1024;

export const FeedEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,100}$/),
  version: z.number().int().positive(),
  expires: CalendarDate,
  /** Relative to index.json, e.g. "packs/2019-intl-1-3.json". */
  url: z.string().min(1).max(300),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FeedEntry = z.infer<typeof FeedEntry>;

export const FeedIndex = z.object({
  format: z.literal(FEED_FORMAT),
  version: z.literal(1),
  updated: z.string(),
  /** The current signed key list, when the institution has rotated keys (lib/feed/keys.ts). */
  keys: z.object({ url: z.string().min(1).max(300), seq: z.number().int().positive() }).optional(),
  /** Each entry is read on its own (readEntry): one malformed entry refuses that pack, not the feed. */
  packs: z.array(z.unknown()).max(200),
  timestamp: z
    .object({
      at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
      signatures: z.array(Signature).min(1).max(16),
    })
    .optional(),
});
export type FeedIndex = z.infer<typeof FeedIndex>;

/** One entry of the index, or why it cannot be read (with its path, e.g. `packs.3.version`). */
export function readEntry(raw: unknown, i: number): { ok: true; entry: FeedEntry } | { ok: false; detail: string } {
  const parsed = FeedEntry.safeParse(raw);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, detail: `packs.${i}.${issue.path.join('.')}: ${issue.message}` };
}

export function packFileName(id: string, version: number): string {
  return `packs/${id}-${version}.json`;
}

/**
 * Resolves a URL listed in the index against the index's own URL. Only URLs on the feed's own origin
 * are followed, so an index cannot send the extension to fetch from arbitrary hosts.
 */
export function resolveFeedUrl(feedUrl: string, relative: string): string | undefined {
  try {
    const base = new URL(feedUrl);
    const url = new URL(relative, base);
    return url.origin === base.origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What a feed timestamp signs: the time and the index's lists, so a fresh time cannot be pasted onto an old list. */
export function timestampMessage(index: Pick<FeedIndex, 'packs' | 'keys'>, at: string): Bytes {
  // The entries exactly as listed (a malformed one included), so nothing in the list escapes the signature.
  const packs = index.packs.map((p) => JSON.stringify(p)).join('\n');
  return utf8(`GuideCheck feed timestamp v1\n${at}\n${index.keys?.seq ?? 0}\n${packs}`);
}
