import type { Condition } from '../../engine/condition';
import type { RuleKind, Text } from '../../packs/schema';
import type { Severity, Section } from '../../core/vocabulary';

/**
 * One recurring requirement, recognised by wording: each file of this folder default-exports one, with the
 * sentences it must and must not match (test/unit/extract/requirementPatterns.test.ts reads them). A pattern
 * is tested against one folded sentence (half-width punctuation, simplified characters) and builds its rule
 * from what it matched: every number in a rule comes from the sentence.
 */
export interface RequirementPattern {
  /** The rule slug, or its stem when the slug carries a number ("units-max" → "units-max-5"). */
  name: string;
  /** Sentences as printed. */
  examples: { match: string[]; noMatch: string[] };
  match: RegExp;
  /** `m.input` is the whole folded sentence. Undefined when the match turns out not to be this requirement. */
  draft(m: RegExpExecArray): RuleDraft | RuleDraft[] | undefined;
}

export interface RuleDraft {
  slug: string;
  kind: RuleKind;
  severity: Severity;
  section: Section;
  title: Text;
  explain: Text;
  message?: Text;
  fields: string[];
  check?: Condition;
  when?: Condition;
  attachmentKind?: string;
  /** How sure the wording maps to this rule, 0–1. */
  confidence: number;
  /** Where in the sentence this draft was read, when a pattern drafts one rule per clause (not part of the rule). */
  at?: number;
}

export const t = (zh: string, en: string): Text => ({ zh, en });
export const enterprise: Condition = { op: 'eq', field: 'type', value: 'enterprise' };

/** The clause (between commas, semicolons or the sentence's ends) around `index` of a folded sentence. */
export function clauseAround(sentence: string, index: number): { text: string; start: number; end: number } {
  const start = Math.max(...[',', ';', '。', ':'].map((s) => sentence.lastIndexOf(s, index - 1))) + 1;
  const ends = [',', ';', '。'].map((s) => sentence.indexOf(s, index)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : sentence.length;
  return { text: sentence.slice(start, end), start, end };
}
