import { fold } from '../fold';

export interface PhraseMatch {
  /** Capture groups, read from folded text (half-width digits, simplified characters). */
  groups: (string | undefined)[];
  /** The matched span cut from the original text, trimmed: the phrase as printed. */
  text: string;
  index: number;
}

/** Every match of `pattern` (made global) in the folded text, each with its span cut from the original. */
export function* matchFolded(original: string, pattern: RegExp): Generator<PhraseMatch> {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const m of fold(original).matchAll(global)) {
    yield { groups: m.slice(1), text: original.slice(m.index, m.index + m[0].length).trim(), index: m.index };
  }
}

/** The first match that `read` accepts, read. */
export function firstRead<T>(
  original: string,
  pattern: RegExp,
  read: (m: PhraseMatch) => T | undefined,
): T | undefined {
  for (const m of matchFolded(original, pattern)) {
    const value = read(m);
    if (value !== undefined) return value;
  }
  return undefined;
}
