/**
 * The default draft key: the portal page's origin (scheme + host: an http:// copy of a site never shares drafts with
 * the https:// one) plus the application id found on the page. No zod here: the content script builds it.
 */
export function draftKey(origin: string, applicationId: string): string {
  return `${origin}|${applicationId}`;
}
