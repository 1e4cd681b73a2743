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
}

export type UnmappedReason = 'encouragement' | 'background' | 'reference' | 'unrecognised';

export interface UnmappedSentence {
  direction: string;
  sentence: string;
  reason: UnmappedReason;
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
  batch: BatchFacts;
  /** Placeholders the schema forces (dates, English titles) and text not read. */
  notes: string[];
}

export const REVIEW_THRESHOLD = 0.8;

export function needsReview(review: ExtractReview): ReviewItem[] {
  return review.items.filter((i) => i.confidence < REVIEW_THRESHOLD);
}
