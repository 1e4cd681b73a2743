import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Responses } from './contract';
import { Request, type Response } from './protocol';

/** A message's sender as the browser describes it (runtime.MessageSender): set by the browser, not by the sender. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Who is asking. `extension`: one of our own pages (options, popup, the panel frame); `tabOrigin` is the portal
 * site of the tab it is shown in (the panel), absent for a page of its own. `content`: our content script on a
 * portal page, `origin` (scheme + host) taken from the browser's sender.url.
 */
export type SenderRole = { role: 'extension'; tabOrigin?: string } | { role: 'content'; origin: string };

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>` / `moz-extension://<uuid>`, no trailing slash */
  extensionOrigin: string;
  /** The pages our content script runs on (the manifest's matches) */
  isPortal(url: URL): boolean;
}

/** The pages our content script runs on, from the manifest's match patterns. */
export function portalMatcher(patterns: string[]): (url: URL) => boolean {
  const parsed = patterns.map((m) => new MatchPattern(m));
  // By href: MatchPattern tests a URL object against `Location`, which a service worker does not have.
  return (url) => parsed.some((p) => p.includes(url.href));
}

/** Classifies a sender, or says why it is refused. */
export function classifySender(sender: Sender, policy: SenderPolicy): SenderRole | { refused: string } {
  if (sender.id !== policy.extensionId) return { refused: `another extension (${sender.id ?? 'unknown'})` };
  const url = parseUrl(sender.url);
  if (!url) return { refused: 'no sender url' };
  // Not url.origin: it is 'null' for extension schemes outside browsers.
  if (`${url.protocol}//${url.host}` === policy.extensionOrigin) {
    const tab = parseUrl(sender.tab?.url);
    return { role: 'extension', tabOrigin: tab && policy.isPortal(tab) ? tab.origin : undefined };
  }
  if (sender.tab && (url.protocol === 'https:' || url.protocol === 'http:') && policy.isPortal(url))
    return { role: 'content', origin: url.origin };
  return { refused: `a page that is neither ours nor a portal page (${url.origin})` };
}

function parseUrl(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a content script may ask: what the page's own form needs, never feeds, settings or other sites' data.
 * Everything else is for extension pages.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<Request['type']> = new Set([
  'getPacks',
  'getPack',
  'getDraft',
  'listProfiles',
  'report:build',
  'share:encode',
  'share:decode',
] satisfies Request['type'][]);

/** A draft key belongs to a site when it starts with that site's scheme + host (lib/drafts/model.ts draftKey). */
export const draftOfOrigin = (key: string, origin: string) => key.startsWith(`${origin}|`);

/** Why a content script of `origin` may not make this request, if it may not. */
function contentRefusal(request: Request, origin: string): string | undefined {
  if (!CONTENT_SCRIPT_REQUESTS.has(request.type)) return `${request.type} is not for content scripts`;
  if (request.type === 'getDraft' && !draftOfOrigin(request.key, origin))
    return `draft ${request.key} is not of ${origin}`;
  return undefined;
}

export type Handlers = {
  [T in Request['type']]: (request: Extract<Request, { type: T }>, sender: SenderRole) => Promise<Responses[T]>;
};

/**
 * Validates a runtime message and dispatches it. Anything malformed, unknown, from a refused sender or beyond the
 * sender's role is refused, logged, and touches nothing.
 */
export function createRouter(policy: SenderPolicy, handlers: Handlers, log: (message: string) => void = console.warn) {
  const refuse = (why: string): Response<never> => {
    log(`GuideCheck: refused a message: ${why}`);
    return { ok: false, error: `refused: ${why}` };
  };
  return async (message: unknown, sender: Sender): Promise<Response<unknown>> => {
    const role = classifySender(sender, policy);
    if ('refused' in role) return refuse(`forbidden sender: ${role.refused}`);
    const parsed = Request.safeParse(message);
    if (!parsed.success)
      return refuse(
        `malformed message: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ')}`,
      );
    if (role.role === 'content') {
      const why = contentRefusal(parsed.data, role.origin);
      if (why) return refuse(`content script of ${role.origin}: ${why}`);
    }
    try {
      const handler = handlers[parsed.data.type] as (r: Request, s: SenderRole) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, role) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
