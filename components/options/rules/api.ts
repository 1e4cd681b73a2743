import { browser } from 'wxt/browser';
import type { Permissions } from '@/lib/feed/extension/browserApi';
import type { FeedsStatus } from '@/lib/feed/extension/status';
import { createClient } from '@/lib/messages/contract';
import type { RequestInput } from '@/lib/messages/protocol';

/** The feed requests; each answers the new FeedsStatus. */
export type FeedRequest = Extract<RequestInput, { type: `feeds:${string}` }>;

/** How the 规则来源 section talks to the background; tests pass their own. */
export interface RuleSourcesApi {
  send(request: FeedRequest): Promise<FeedsStatus>;
  permissions: Permissions;
}

export const browserRuleSourcesApi: RuleSourcesApi = {
  send: createClient((m) => browser.runtime.sendMessage(m)).ask,
  permissions: browser.permissions,
};
