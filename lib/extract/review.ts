/**
 * What the admin reviews beside the draft pack (written to `<draft>.review.json`, since RulePack keeps
 * only its own keys): a confidence for every extracted item and every 其他要求 sentence that produced nothing.
 */

export interface ReviewItem {
  /** Where the item sits in the draft, e.g. "directions[3].plannedProjects", "directions[3].rules[2]". */
  path: string;
  direction?: string;
  /** What was extracted, in a few words. */
  what: string;
  /** 0–1: how sure the extractor is; below REVIEW_THRESHOLD the item is listed as needing review. */
  confidence: number;
  quote?: string;
  note?: string;
  /** Set by the admin once handled; `rules validate` lists unresolved items until then. */
  resolved?: boolean;
}

/** Why a sentence (or clause) produced no rule; `unsupported`: understood, but the rule language or the application model cannot say it yet (see `note`). */
export type UnmappedReason = 'encouragement' | 'background' | 'reference' | 'unsupported' | 'unrecognised';

export interface UnmappedSentence {
  /** Direction code, or "*" for the guideline's general part. */
  direction: string;
  sentence: string;
  reason: UnmappedReason;
  note?: string;
  /** Set by the admin once handled (encoded by hand, or judged not a requirement). */
  resolved?: boolean;
}

/** A requirement-bearing sentence and where it went: the rules it produced and the clauses listed for a person. */
export interface AccountedSentence {
  direction: string;
  sentence: string;
  rules: string[];
  listed: string[];
}

/** Facts stated for the whole batch rather than for one direction ("拟支持项目数 35-40个左右"). */
export interface BatchFacts {
  directionCount?: { value: number; text: string };
  plannedProjects?: { min: number; max: number; approx: boolean; text: string };
  totalBudget?: { amount: number; text: string };
  durationText?: string;
}

export interface ExtractReview {
  source: string;
  items: ReviewItem[];
  unmapped: UnmappedSentence[];
  /** Every requirement-bearing sentence, in text order. */
  sentences: AccountedSentence[];
  batch: BatchFacts;
  /** Placeholders the schema forces (dates, English titles) and text not read. */
  notes: string[];
  /** The placeholder dates written into the draft: `rules validate` flags them while the pack still has them. */
  placeholders: { published: string; expires: string };
}

export const REVIEW_THRESHOLD = 0.8;

export function needsReview(review: ExtractReview): ReviewItem[] {
  return review.items.filter((i) => i.confidence < REVIEW_THRESHOLD);
}

/** Counts for the summary: sentences, encoded (≥1 rule), listed (≥1 clause for a person), items by confidence. */
export function reviewCounts(review: ExtractReview) {
  const { sentences } = review;
  const band = (lo: number, hi: number) => review.items.filter((i) => i.confidence >= lo && i.confidence < hi).length;
  return {
    sentences: sentences.length,
    encoded: sentences.filter((s) => s.rules.length > 0).length,
    listed: sentences.filter((s) => s.listed.length > 0).length,
    dropped: sentences.filter((s) => s.rules.length === 0 && s.listed.length === 0).length,
    confidence: { high: band(REVIEW_THRESHOLD, 1.01), medium: band(0.5, REVIEW_THRESHOLD), low: band(0, 0.5) },
  };
}
