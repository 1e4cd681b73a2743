import { z } from 'zod';

function parseUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/**
 * A feed address, from the options page or a policy: https, or plain http on the loopback interface only
 * (a feed served from this computer, as in tests): the signature protects the content either way; the
 * address check keeps the feed off open networks.
 */
export const FeedUrl = z
  .string()
  .max(2000)
  .refine(
    (s) => {
      const url = parseUrl(s);
      return (
        !!url &&
        (url.protocol === 'https:' ||
          (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)))
      );
    },
    { message: '须为 https:// 地址 / must be an https:// URL' },
  );
