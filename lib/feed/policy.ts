import { z } from 'zod';
import { unitTypes } from '../application/model';
import { PackId } from './envelope';
import { FeedUrl } from './feedUrl';
import { checkKeySet, PublicKey, trustedKeyFromPublic, type TrustedKey } from './keyFile';
import type { Subscription } from './updater';

/**
 * The enterprise policy an institution sets on managed browsers (storage.managed): feeds to subscribe
 * to, and the institution's name and defaults. `managedPolicyJsonSchema` below is the same shape in the
 * JSON-schema dialect of Chrome's managed_schema; test/unit/feed/policy.test.ts keeps the two in step.
 */
export const PolicyFeed = z
  .object({
    url: FeedUrl,
    keys: z.array(PublicKey).min(1).max(16),
    threshold: z.number().int().min(1).default(1),
    name: z.string().max(200).optional(),
    /** Warn when the feed has not produced a fresh signed timestamp for this many days (default 14). */
    staleDays: z.number().int().min(1).max(365).optional(),
    /** The pack ids this feed may publish; absent: any id not bundled or given by another policy feed. */
    packs: z.array(PackId).min(1).max(200).optional(),
  })
  .superRefine((f, ctx) => checkKeySet(f.keys, f.threshold, ctx, 'keys'));

export const InstitutionProfile = z.object({
  unitName: z.string().max(200).optional(),
  /** 统一社会信用代码 */
  creditCode: z.string().max(18).optional(),
  unitType: z.enum(unitTypes).optional(),
  affiliation: z.string().max(200).optional(),
  contactName: z.string().max(100).optional(),
  contactEmail: z.string().max(200).optional(),
  contactPhone: z.string().max(50).optional(),
});

export const ManagedPolicy = z.object({
  feeds: z.array(PolicyFeed).max(10).default([]),
  institutionName: z.string().max(200).optional(),
  institutionProfile: InstitutionProfile.optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

/** Parses what storage.managed returned; each error carries its path, e.g. `feeds.0.keys.1`. */
export function parsePolicy(raw: unknown): { ok: true; policy: ManagedPolicy } | { ok: false; errors: string[] } {
  const parsed = ManagedPolicy.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

export async function subscriptionsFromPolicy(policy: ManagedPolicy): Promise<Subscription[]> {
  return Promise.all(
    policy.feeds.map(async (feed) => ({
      feedUrl: feed.url,
      trustedKeys: (await Promise.all(feed.keys.map(trustedKeyFromPublic))) as TrustedKey[],
      threshold: feed.threshold,
      name: feed.name ?? policy.institutionName ?? new URL(feed.url).host,
      source: 'policy' as const,
      ...(feed.packs ? { packIds: feed.packs } : {}),
      ...(feed.staleDays ? { staleDays: feed.staleDays } : {}),
    })),
  );
}

const text = (title: string, maxLength?: number) => ({ type: 'string', title, ...(maxLength ? { maxLength } : {}) });

/** For the manifest's `storage.managed_schema` (Chrome/Edge); Firefox reads the same keys from policies.json. */
export const managedPolicyJsonSchema = {
  type: 'object',
  properties: {
    feeds: {
      type: 'array',
      title: 'GuideCheck rule feeds 规则源',
      items: {
        type: 'object',
        properties: {
          url: {
            type: 'string',
            title: 'URL of the feed index.json (https)',
            pattern: '^(https://|http://(127\\.0\\.0\\.1|localhost|\\[::1\\])[:/])\\S+$',
          },
          keys: {
            type: 'array',
            title: 'Trusted Ed25519 public keys (base64url)',
            items: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
          },
          threshold: { type: 'integer', title: 'Signatures required (k of the keys)', minimum: 1 },
          name: text('Display name', 200),
          staleDays: { type: 'integer', title: 'Warn after this many days without a fresh feed timestamp', minimum: 1 },
          packs: {
            type: 'array',
            title: 'Pack ids this feed may publish (default: any id not bundled or set by another feed)',
            items: { type: 'string', pattern: '^[a-z0-9-]{1,100}$' },
          },
        },
        required: ['url', 'keys'],
      },
    },
    institutionName: text('Institution name 单位名称', 200),
    institutionProfile: {
      type: 'object',
      title: 'Institution defaults 单位默认信息',
      properties: {
        unitName: text('Unit name 单位全称', 200),
        creditCode: text('Unified social credit code 统一社会信用代码', 18),
        unitType: { type: 'string', title: 'Unit type', enum: [...unitTypes] },
        affiliation: text('Affiliation 上级主管单位', 200),
        contactName: text('Research office contact 联系人', 100),
        contactEmail: text('Contact e-mail', 200),
        contactPhone: text('Contact phone', 50),
      },
    },
  },
} as const;
