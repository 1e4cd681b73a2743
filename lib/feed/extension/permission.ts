import type { Permissions } from './browserApi';

/** The host pattern a feed needs, e.g. "https://rules.example.edu.cn/*" (the port is not part of a match pattern). */
export function originPattern(feedUrl: string): string {
  const url = new URL(feedUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Asks for the feed's host permission. Must be the first await of the click handler that subscribes:
 * browsers only show the prompt during a user gesture. Resolves true at once when already granted.
 */
export function requestFeedPermission(permissions: Permissions, feedUrl: string): Promise<boolean> {
  return permissions.request({ origins: [originPattern(feedUrl)] });
}

export function hasFeedPermission(permissions: Permissions, feedUrl: string): Promise<boolean> {
  return permissions.contains({ origins: [originPattern(feedUrl)] });
}
