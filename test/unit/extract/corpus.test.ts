import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDraft } from '@/lib/extract/extract';
import { parsePack } from '@/lib/packs/parsePack';
import { corpusKeys } from './corpusKeys';
import { factScore, requirementScore, scoreLine } from './score';

/**
 * The extractor on guideline texts it was not built on (test/fixtures/extract/corpus/, keys in corpusKeys.ts).
 * Targets: every direction fact right, every requirement sentence encoded or listed, no wrong rule,
 * at least 85% of the requirement sentences encoded over the corpus.
 */
const text = (file: string) => readFileSync(join(import.meta.dirname, '../../fixtures/extract/corpus', file), 'utf8');
const drafts = corpusKeys.map((key) => ({ key, draft: extractDraft(text(key.file), { today: '2025-03-01' }) }));

describe.each(drafts)('corpus $key.file', ({ key, draft }) => {
  const facts = factScore(draft, key.directions);
  const req = requirementScore(draft, key.requirements);

  it('takes its pack id from the guideline year and batch', () => expect(draft.pack.id).toBe(key.id));
  it('reads every direction fact', () => {
    console.log(scoreLine(key.file, facts, req));
    expect(facts.wrong).toEqual([]);
  });
  it('encodes or lists every requirement sentence', () => expect(req.dropped).toEqual([]));
  it('produces no rule the key does not expect', () => expect(req.wrong).toEqual([]));
  it('validates as a pack', () => {
    const result = parsePack(JSON.parse(JSON.stringify(draft.pack)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
  it('accounts for every requirement-bearing sentence in the review', () => {
    expect(draft.review.sentences.filter((s) => s.rules.length === 0 && s.listed.length === 0)).toEqual([]);
  });
});

it('encodes at least 85% of the corpus requirement sentences', () => {
  const scores = drafts.map(({ key, draft }) => requirementScore(draft, key.requirements));
  const total = scores.reduce((n, s) => n + s.total, 0);
  const encoded = scores.reduce((n, s) => n + s.encoded.length, 0);
  console.log(`corpus: encoded ${encoded}/${total} (${Math.round((100 * encoded) / total)}%)`);
  expect(encoded / total).toBeGreaterThanOrEqual(0.85);
});
