import { TAB_STATUS_REQUEST } from './channels';
import type { TabStatus } from './protocol';

/** A portal page opened over http:// (our content script runs on https:// only): the popup says so. */
export const INSECURE_PORTAL = 'insecure';

/** Is this the portal's host (most.gov.cn or one of its subdomains) over plain http? */
export function isInsecurePortal(url: string | undefined): boolean {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' && (u.hostname === 'most.gov.cn' || u.hostname.endsWith('.most.gov.cn'));
  } catch {
    return false;
  }
}

/**
 * Asks the content script of a tab for its status. The tab is the active one, or `?tab=<id>` when
 * the popup is opened as a page (tests, or a pinned popup).
 */
export async function queryTabStatus(
  api: Pick<typeof browser, 'tabs'>,
  popupUrl: URL,
): Promise<TabStatus | typeof INSECURE_PORTAL | undefined> {
  const fromUrl = Number(popupUrl.searchParams.get('tab'));
  const tab = fromUrl ? await api.tabs.get(fromUrl) : (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return undefined;
  if (isInsecurePortal(tab.url)) return INSECURE_PORTAL;
  try {
    return (await api.tabs.sendMessage(tab.id, { type: TAB_STATUS_REQUEST })) as TabStatus | undefined;
  } catch {
    return undefined; // no content script there: not a portal page
  }
}

/** The tab the popup is about: the active one, or `?tab=<id>`. */
export async function tabOf(api: Pick<typeof browser, 'tabs'>, popupUrl: URL): Promise<number | undefined> {
  const fromUrl = Number(popupUrl.searchParams.get('tab'));
  return fromUrl || (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}
