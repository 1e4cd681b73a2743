import { describe, expect, it } from 'vitest';
import { keyId } from '@/lib/feed/crypto';
import { fromBase64Url } from '@/lib/feed/encoding';
import {
  InstitutionProfile,
  ManagedPolicy,
  PolicyFeed,
  managedPolicyJsonSchema,
  parsePolicy,
  subscriptionsFromPolicy,
} from '@/lib/feed/policy';

const key = 'hVDT4kqzRLW9hLOv_0-jn2X26e7BXQziBrjG-aM56Rk';

describe('managed policy', () => {
  it('turns each feed into a policy subscription with computed key ids', async () => {
    const parsed = parsePolicy({
      institutionName: '某某大学科研处',
      feeds: [{ url: 'https://rules.example.edu.cn/index.json', keys: [key] }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [sub] = await subscriptionsFromPolicy(parsed.policy);
    expect(sub).toEqual({
      feedUrl: 'https://rules.example.edu.cn/index.json',
      trustedKeys: [{ kid: await keyId(fromBase64Url(key)!), publicKey: key }],
      threshold: 1,
      name: '某某大学科研处',
      source: 'policy',
    });
  });

  it('an absent policy is no feeds', () => {
    expect(parsePolicy(undefined)).toEqual({ ok: true, policy: { feeds: [] } });
  });

  it.each([
    ['feeds.0.url', { feeds: [{ url: 'http://rules.example.edu.cn/index.json', keys: [key] }] }],
    ['feeds.0.keys.0', { feeds: [{ url: 'https://a.example/index.json', keys: ['short'] }] }],
    ['feeds.0.threshold', { feeds: [{ url: 'https://a.example/index.json', keys: [key], threshold: 2 }] }],
    ['institutionProfile.unitType', { institutionProfile: { unitType: 'company' } }],
  ])('reports %s', (path, raw) => {
    const parsed = parsePolicy(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toContain(`${path}:`);
  });

  it('the JSON schema for managed_schema names exactly the zod schema keys', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(managedPolicyJsonSchema.properties)).toEqual(keys(ManagedPolicy.shape));
    expect(keys(managedPolicyJsonSchema.properties.feeds.items.properties)).toEqual(keys(PolicyFeed.shape));
    expect(keys(managedPolicyJsonSchema.properties.institutionProfile.properties)).toEqual(
      keys(InstitutionProfile.shape),
    );
  });
});
