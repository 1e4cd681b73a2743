import { refusal, type Refusal } from './refusal';

/** 15 s: a static file from any CDN arrives well within this even on a slow campus link. */
const DEFAULT_TIMEOUT_MS = 15_000;

export type FetchFn = (
  url: string,
  init: { signal: AbortSignal; cache?: RequestCache; credentials?: RequestCredentials },
) => Promise<Response>;

/**
 * Downloads a file with a deadline and a size cap enforced while reading, so a hostile or broken
 * server can neither hang the updater nor fill memory. No cookies are sent: feeds are public files.
 */
export async function fetchBytes(
  fetchFn: FetchFn,
  url: string,
  opts: { maxBytes: number; timeoutMs?: number },
): Promise<{ ok: true; bytes: Uint8Array } | Refusal> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchFn(url, { signal: controller.signal, cache: 'no-cache', credentials: 'omit' });
    if (!response.ok) return refusal('fetch', { detail: `HTTP ${response.status} ${url}` });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes) return refusal('too-large', { max: opts.maxBytes });
    if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > opts.maxBytes) {
        controller.abort();
        return refusal('too-large', { max: opts.maxBytes });
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return { ok: true, bytes };
  } catch (error) {
    if (controller.signal.aborted) return refusal('timeout', { seconds: timeoutMs / 1000 });
    return refusal('fetch', { detail: `${(error as Error).message} ${url}` });
  } finally {
    clearTimeout(timer);
  }
}
