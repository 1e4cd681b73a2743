import { z } from 'zod';
import { unitTypes } from '../application/model';
import { fromBase64Url } from './encoding';
import { trustedKeyFromPublic, type TrustedKey } from './keyFile';
import type { Subscription } from './updater';

/**
 * The enterprise policy an institution sets on managed browsers (storage.managed): feeds to subscribe
 * to, and the institution's name and defaults. `managedPolicyJsonSchema` below is the same shape in the
 * JSON-schema dialect of Chrome's managed_schema; test/unit/feed/policy.test.ts keeps the two in step.
 */
export const PolicyFeed = z
  .object({
    url: z.string().regex(/^https:\/\/\S+$/, { message: '须为 https:// 地址 / must be an https:// URL' }),
    keys: z
      .array(
        z.string().refine((k) => fromBase64Url(k)?.length === 32, {
          message: '须为 32 字节 base64url 公钥 / must be a 32-byte base64url public key',
        }),
      )
      .min(1)
      .max(16),
    threshold: z.number().int().min(1).default(1),
    name: z.string().max(200).optional(),
  })
  .refine((f) => f.threshold <= f.keys.length, {
    message: 'threshold 大于公钥数 / threshold exceeds the number of keys',
    path: ['threshold'],
  });

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
          url: { type: 'string', title: 'URL of the feed index.json (https)', pattern: '^https://\\S+$' },
          keys: {
            type: 'array',
            title: 'Trusted Ed25519 public keys (base64url)',
            items: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
          },
          threshold: { type: 'integer', title: 'Signatures required (k of the keys)', minimum: 1 },
          name: text('Display name', 200),
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
