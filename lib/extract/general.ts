import type { Condition } from '../engine/condition';
import type { Direction, Rule } from '../packs/schema';
import { withoutMarker } from './direction';
import { fold } from './fold';
import type { RuleDraft } from './requirements';
import type { AccountedSentence, ReviewItem, UnmappedSentence } from './review';
import type { DraftWithQuote } from './sentences';
import { placeRules, readSentence, sentences } from './sentences';

export interface GeneralRead {
  rules: Rule[];
  items: ReviewItem[];
  unmapped: UnmappedSentence[];
  sentences: AccountedSentence[];
}

/** "duration-max-36m" and "duration-24m" are one family: a direction's own rule of a family replaces the pack-wide one. */
export function ruleFamily(slug: string): string {
  return slug.startsWith('duration-') ? 'duration' : slug.replace(/-\d[\d.]*x?$/, '');
}

const compact = (s: string) => fold(s).replace(/\s+/g, '');

/**
 * The guideline's general part (before the first direction and after the last) → pack-wide rules.
 * A sentence naming directions ("1.2、1.3 方向的项目须有企业参与") applies to those only; a direction that
 * states its own rule of the same family (its own duration) is exempt from the pack-wide one, which is how
 * "本批次项目执行期原则上不超过3年" and a direction's "执行期为2年" layer.
 */
export function readGeneralPart(
  paragraphs: string[],
  title: string | undefined,
  packId: string,
  directions: Direction[],
): GeneralRead {
  const read: GeneralRead = { rules: [], items: [], unmapped: [], sentences: [] };
  const codes = new Set(directions.map((d) => d.code));
  const titleText = title ? compact(title) : '';
  const drafts: DraftWithQuote[] = [];
  const scopes = new Map<string, string[]>();
  for (const paragraph of paragraphs) {
    if (titleText.includes(compact(paragraph))) continue;
    for (const sentence of sentences(withoutMarker(paragraph))) {
      const result = readSentence(sentence, '*', false);
      read.unmapped.push(...result.listed);
      if (result.accounted) read.sentences.push(result.accounted);
      const named = /方向/.test(sentence)
        ? [...fold(sentence).matchAll(/(?<![\d.])(\d{1,2}\.\d{1,2})(?![\d.])/g)]
            .map((m) => m[1]!)
            .filter((c) => codes.has(c))
        : [];
      for (const d of result.drafts) {
        drafts.push(d);
        if (named.length) scopes.set(d.draft.slug, named);
      }
    }
  }
  const when = (draft: RuleDraft): Condition | undefined => {
    const family = ruleFamily(draft.slug);
    const own = directions
      .filter((d) => d.rules.some((r) => ruleFamily(r.id.split('/').at(-1)!) === family))
      .map((d) => d.code);
    const only = scopes.get(draft.slug);
    const parts: Condition[] = [];
    if (only) parts.push({ op: 'in', field: 'direction.code', values: only.filter((c) => !own.includes(c)) });
    if (own.length && !only) parts.push({ not: { op: 'in', field: 'direction.code', values: own } });
    return parts[0];
  };
  placeRules(drafts, {
    idPrefix: `${packId}/*`,
    rules: read.rules,
    items: read.items,
    accounted: read.sentences,
    path: 'rules',
    when,
  });
  return read;
}
