import { parsePolicy, subscriptionsFromPolicy, type ManagedPolicy } from '../policy';
import type { Subscription } from '../updater';
import type { FeedBrowser } from './browserApi';

export interface PolicyReading {
  subscriptions: Subscription[];
  institutionName?: string;
  institutionProfile?: ManagedPolicy['institutionProfile'];
  /** Problems with the policy, each with its path (shown on the options page for the admin to fix). */
  errors: string[];
}

/**
 * The feeds an institution set by enterprise policy. No policy is normal (Firefox even throws when
 * no policies.json exists); a malformed policy sets no feed rather than half of one.
 */
export async function readPolicyFeeds(browser: Pick<FeedBrowser, 'storage'>): Promise<PolicyReading> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    return { subscriptions: [], errors: [] };
  }
  const parsed = parsePolicy(raw);
  if (!parsed.ok) return { subscriptions: [], errors: parsed.errors };
  const { policy } = parsed;
  return {
    subscriptions: await subscriptionsFromPolicy(policy),
    institutionName: policy.institutionName,
    institutionProfile: policy.institutionProfile,
    errors: [],
  };
}
