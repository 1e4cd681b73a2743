import { browser } from 'wxt/browser';
import type { Permissions } from '@/lib/feed/extension/browserApi';
import type { FeedsStatus } from '@/lib/feed/extension/status';
import type { Request, Response } from '@/lib/messages/protocol';

/** How the 规则来源 section talks to the background; tests pass their own. */
export interface RuleSourcesApi {
  send(request: Request): Promise<FeedsStatus>;
  permissions: Permissions;
}

export const browserRuleSourcesApi: RuleSourcesApi = {
  async send(request) {
    const response = (await browser.runtime.sendMessage(request)) as Response<FeedsStatus> | undefined;
    if (!response?.ok) throw new Error(response?.error ?? 'no answer from the background');
    return response.value;
  },
  permissions: browser.permissions as unknown as Permissions,
};
