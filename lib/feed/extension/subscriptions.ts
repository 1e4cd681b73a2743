import { z } from 'zod';
import { FeedUrl } from '../feedUrl';
import { checkKeySet, PublicKey, TrustedKey, trustedKeyFromPublic } from '../keyFile';
import type { Subscription } from '../updater';
import type { StorageArea } from './browserApi';

/**
 * Feeds the user subscribed to on the options page, kept in storage.local. Policy feeds are not
 * stored: they are read from storage.managed at every start (lib/feed/extension/policyFeeds.ts).
 */
const SUBSCRIPTIONS_KEY = 'feedSubscriptions';

/** What the options page sends to subscribe: the keys the user confirmed by fingerprint. */
export const SubscribeInput = z
  .object({
    url: FeedUrl,
    keys: z
      .array(z.string().trim().pipe(PublicKey))
      .min(1, { message: '至少需要一个公钥 / at least one public key is needed' })
      .max(16),
    threshold: z.number().int().min(1).default(1),
    name: z.string().trim().max(200).optional(),
  })
  .superRefine((s, ctx) => checkKeySet(s.keys, s.threshold, ctx, 'keys'));
export type SubscribeInput = z.input<typeof SubscribeInput>;

const StoredSubscription = z.object({
  feedUrl: FeedUrl,
  trustedKeys: z.array(TrustedKey).min(1),
  threshold: z.number().int().min(1),
  name: z.string(),
  source: z.literal('user'),
});
const StoredSubscriptions = z.array(StoredSubscription);

export async function subscriptionFromInput(
  raw: unknown,
): Promise<{ ok: true; subscription: Subscription } | { ok: false; errors: string[] }> {
  const parsed = SubscribeInput.safeParse(raw);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`) };
  const input = parsed.data;
  const keys = (await Promise.all(input.keys.map(trustedKeyFromPublic))) as TrustedKey[];
  return {
    ok: true,
    subscription: {
      feedUrl: input.url,
      trustedKeys: keys,
      threshold: input.threshold,
      name: input.name || new URL(input.url).host,
      source: 'user',
    },
  };
}

/** The stored list; a damaged entry is dropped (and reported) rather than blocking the others. */
export async function loadUserSubscriptions(
  area: StorageArea,
  report: (message: string) => void = console.warn,
): Promise<Subscription[]> {
  const raw = (await area.get(SUBSCRIPTIONS_KEY))[SUBSCRIPTIONS_KEY];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [];
  const good: Subscription[] = [];
  list.forEach((entry, i) => {
    const parsed = StoredSubscription.safeParse(entry);
    if (parsed.success) good.push(parsed.data);
    else
      report(
        `GuideCheck: stored subscription ${i} is invalid and was skipped: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
  });
  return good;
}

export function saveUserSubscriptions(area: StorageArea, subscriptions: Subscription[]): Promise<void> {
  return area.set({ [SUBSCRIPTIONS_KEY]: StoredSubscriptions.parse(subscriptions.filter((s) => s.source === 'user')) });
}
