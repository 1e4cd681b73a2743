import { fromUtf8 } from './encoding';
import { refusal, type Refusal } from './refusal';

/** 2 MB: far above any real pack (a whole guideline is ~100 KB), small enough to refuse junk at once. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * First look at a downloaded or opened file, before any parsing: size cap, empty, HTML (a portal
 * or hotel login page served instead of the file), and strict UTF-8. Gives the text on success.
 */
export function screenFile(input: Uint8Array | string, maxBytes: number): { ok: true; text: string } | Refusal {
  // A string's UTF-8 size is at most 3 bytes per UTF-16 unit: a cheap bound before encoding anything.
  const size =
    typeof input === 'string'
      ? input.length * 3 <= maxBytes
        ? 0
        : new TextEncoder().encode(input).length
      : input.length;
  if (size > maxBytes) return refusal('too-large', { max: maxBytes });
  const text = typeof input === 'string' ? input : fromUtf8(input);
  if (text === undefined) return refusal('malformed', { detail: 'not UTF-8' });
  const first = text.search(/[^\s\uFEFF]/);
  if (first < 0) return refusal('empty');
  if (text[first] === '<') return refusal('html');
  return { ok: true, text };
}
