import { describe, expect, it } from 'vitest';
import { fold } from '@/lib/extract/fold';
import { requirementPatterns, requirementRules } from '@/lib/extract/requirements';

/** Each pattern file's own sentences: the ones it must read, and the near misses it must leave alone. */
describe.each(requirementPatterns.map((p) => [p.name, p] as const))('%s', (_name, pattern) => {
  /** The slugs this pattern drafts from the sentence, and whether the extractor keeps them (not a wish). */
  const read = (sentence: string) => {
    const m = pattern.match.exec(fold(sentence));
    const drafted = m ? [pattern.draft(m) ?? []].flat().map((d) => d.slug) : [];
    return requirementRules(fold(sentence)).filter((f) => drafted.includes(f.draft.slug));
  };

  it('has examples both ways', () => {
    expect(pattern.examples.match.length).toBeGreaterThan(0);
    expect(pattern.examples.noMatch.length).toBeGreaterThan(0);
  });
  it.each(pattern.examples.match)('reads "%s"', (sentence) => expect(read(sentence)).not.toEqual([]));
  it.each(pattern.examples.noMatch)('leaves "%s"', (sentence) => expect(read(sentence)).toEqual([]));
});
