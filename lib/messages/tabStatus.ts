import { TAB_STATUS_REQUEST } from './channels';
import type { TabStatus } from './protocol';

/**
 * Asks the content script of a tab for its status. The tab is the active one, or `?tab=<id>` when
 * the popup is opened as a page (tests, or a pinned popup).
 */
export async function queryTabStatus(api: Pick<typeof browser, 'tabs'>, popupUrl: URL): Promise<TabStatus | undefined> {
  const tabId = await tabOf(api, popupUrl);
  if (!tabId) return undefined;
  try {
    return (await api.tabs.sendMessage(tabId, { type: TAB_STATUS_REQUEST })) as TabStatus | undefined;
  } catch {
    return undefined; // no content script there: not a portal page
  }
}

/** The tab the popup is about: the active one, or `?tab=<id>`. */
export async function tabOf(api: Pick<typeof browser, 'tabs'>, popupUrl: URL): Promise<number | undefined> {
  const fromUrl = Number(popupUrl.searchParams.get('tab'));
  return fromUrl || (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}
