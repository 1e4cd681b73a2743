import type { Condition } from '../engine/condition';
import type { Rule } from '../packs/schema';
import { clauseSpans, REQUIREMENT_WORDS, unmappedReason } from './accounting';
import { fold } from './fold';
import { parseDuration } from './phrases/duration';
import type { DurationPhrase } from './phrases/duration';
import { requirementRules } from './requirements';
import type { FoundRule, RuleDraft } from './requirements';
import type { AccountedSentence, ReviewItem, UnmappedSentence } from './review';

/**
 * One sentence → the rules it states and the clauses left to a person. Every requirement-bearing sentence
 * ends up in one or both: a rule for each clause a pattern or phrase parser read, and the review list for
 * each requirement-bearing clause none did ("项目须由企业牵头申报，鼓励产学研联合申报": one rule, one listed clause).
 */

export interface DraftWithQuote {
  draft: RuleDraft;
  quote: string;
}

export interface SentenceRead {
  drafts: DraftWithQuote[];
  listed: UnmappedSentence[];
  /** Absent when the sentence neither bears a requirement nor produced a rule. */
  accounted?: AccountedSentence;
  duration?: DurationPhrase;
}

const DURATION_WORDS = /执行期|实施期|实施周期|执行期限|项目周期|执行年限|研究期限/;

/** Sentences ending in "。", as printed. */
export function sentences(text: string): string[] {
  return (text.match(/[^。]+。?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.replace(/[。，,；;\s]/g, '').length >= 2);
}

/** `all`: list the sentence even without a requirement word (it sits under 其他要求). */
export function readSentence(sentence: string, direction: string, all: boolean): SentenceRead {
  const folded = fold(sentence);
  const found: FoundRule[] = requirementRules(folded);
  let duration: DurationPhrase | undefined;
  if (DURATION_WORDS.test(folded)) {
    duration = parseDuration(sentence);
    if (duration) {
      const at = folded.indexOf(fold(duration.text));
      found.push({ draft: durationRule(duration), start: at, end: at + duration.text.length });
    }
  }
  const listed: UnmappedSentence[] = [];
  if (found.length === 0) {
    if (all || REQUIREMENT_WORDS.test(folded)) listed.push({ direction, sentence, ...unmappedReason(folded) });
  } else {
    for (const [start, end] of clauseSpans(folded)) {
      const clause = folded.slice(start, end);
      const read = found.some((f) => f.start < end && f.end > start);
      if (!read && REQUIREMENT_WORDS.test(clause))
        listed.push({ direction, sentence: sentence.slice(start, end).trim(), ...unmappedReason(clause) });
    }
  }
  const accounted =
    found.length || listed.length
      ? { direction, sentence, rules: [], listed: listed.map((l) => l.sentence) }
      : undefined;
  return { drafts: found.map((f) => ({ draft: f.draft, quote: sentence })), listed, accounted, duration };
}

/**
 * Drafts → rules with ids `<idPrefix>/<slug>`, one per slug (the first sentence stating it is the quote;
 * later ones are accounted to the same rule), with a review item each.
 */
export function placeRules(
  drafts: DraftWithQuote[],
  target: {
    idPrefix: string;
    rules: Rule[];
    items: ReviewItem[];
    accounted: AccountedSentence[];
    path: string;
    direction?: string;
    when?: (draft: RuleDraft) => Condition | undefined;
  },
): void {
  const bySlug = new Map<string, string>();
  for (const { draft, quote } of drafts) {
    const known = bySlug.get(draft.slug);
    const account = target.accounted.find((a) => a.sentence === quote);
    if (known) {
      if (account && !account.rules.includes(known)) account.rules.push(known);
      continue;
    }
    const { slug, confidence, ...rest } = draft;
    const when = rest.when ?? target.when?.(draft);
    const rule: Rule = {
      id: `${target.idPrefix}/${slug}`,
      quote,
      ...rest,
      fields: rest.fields,
      ...(when ? { when } : {}),
    };
    bySlug.set(slug, rule.id);
    target.rules.push(rule);
    account?.rules.push(rule.id);
    target.items.push({
      path: `${target.path}[${target.rules.length - 1}]`,
      ...(target.direction ? { direction: target.direction } : {}),
      what: `${rule.kind} ${slug}`,
      confidence,
      quote,
    });
  }
}

export function durationRule(phrase: DurationPhrase): RuleDraft {
  const { minMonths: min, maxMonths: max } = phrase;
  const field = 'project.durationMonths';
  let slug: string;
  let check: Condition;
  let zh: string;
  let en: string;
  if (min !== undefined && max !== undefined && min === max) {
    [slug, check, zh, en] = [
      `duration-${max}m`,
      { op: 'between', field, min, max },
      `执行期为 ${max} 个月`,
      `Duration is ${max} months`,
    ];
  } else if (min !== undefined && max !== undefined) {
    [slug, check, zh, en] = [
      `duration-${min}-${max}m`,
      { op: 'between', field, min, max },
      `执行期 ${min}–${max} 个月`,
      `Duration ${min}–${max} months`,
    ];
  } else if (max !== undefined) {
    [slug, check, zh, en] = [
      `duration-max-${max}m`,
      { op: 'lte', field, value: max },
      `执行期不超过 ${max} 个月`,
      `Duration at most ${max} months`,
    ];
  } else {
    [slug, check, zh, en] = [
      `duration-min-${min}m`,
      { op: 'gte', field, value: min! },
      `执行期不少于 ${min} 个月`,
      `Duration at least ${min} months`,
    ];
  }
  return {
    slug,
    kind: 'check',
    section: 'basic',
    check,
    confidence: 0.9,
    // "原则上" / "一般" allow exceptions: warn rather than block.
    severity: phrase.inPrinciple ? 'warning' : 'error',
    fields: ['project.startDate', 'project.endDate'],
    title: { zh, en },
    explain: {
      zh: `指南规定项目执行期${phrase.text}。`,
      en: `The guideline sets the project duration: ${phrase.text}.`,
    },
    message: {
      zh: '执行期为 {actual} 个月，要求：{expected}。',
      en: 'Duration is {actual} months; required: {expected}.',
    },
  };
}
