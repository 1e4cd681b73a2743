import { firstRead } from './match';
import type { PhraseMatch } from './match';
import { NUMBER, readNumber } from './number';

export interface DurationPhrase {
  minMonths?: number;
  maxMonths?: number;
  /** "原则上" (in principle) or "一般" (as a rule): the limit may be waived, so a breach is a warning rather than an error. */
  inPrinciple: boolean;
  text: string;
}

const UNIT = '(年|个月|月)';
const MAX_WORDS = '不超过|不得超过|不多于|不长于|最长|至多';
const MIN_WORDS = '不得少于|不少于|不低于|不短于|至少|最短';
// "原则上不超过 3 年", "为2年", "一般为 2~3年", "2-3年", "不少于6个月", "3年以内"
const DURATION = new RegExp(
  `(原则上|一般)?\\s*(${MAX_WORDS}|${MIN_WORDS}|为)?\\s*(${NUMBER})\\s*(?:${UNIT}\\s*)?` +
    `(?:[-~—–至到]\\s*(${NUMBER})\\s*)?${UNIT}(以内|以下|以上)?`,
);

/** Projects last months to a few years; a larger figure is a calendar year ("2016至2020年"), not a duration. */
const MAX_PLAUSIBLE_MONTHS = 120;

/** The first project duration in `text`, in months, or undefined when there is none. */
export function parseDuration(text: string): DurationPhrase | undefined {
  return firstRead(text, DURATION, read);
}

function read(m: PhraseMatch): DurationPhrase | undefined {
  const [qualifier, bound, first, firstUnit, second, unit, suffix] = m.groups;
  const months = (n: string, u: string) => readNumber(n) * (u === '年' ? 12 : 1);
  const low = months(first!, firstUnit ?? unit!);
  const high = second === undefined ? low : months(second, unit!);
  if (!(low > 0) || !(high >= low) || high > MAX_PLAUSIBLE_MONTHS) return undefined;

  const isMax = (bound && MAX_WORDS.split('|').includes(bound)) || suffix === '以内' || suffix === '以下';
  const isMin = (bound && MIN_WORDS.split('|').includes(bound)) || suffix === '以上';
  const phrase: DurationPhrase = { inPrinciple: Boolean(qualifier), text: m.text };
  if (isMax) phrase.maxMonths = high;
  else if (isMin) phrase.minMonths = low;
  else Object.assign(phrase, { minMonths: low, maxMonths: high });
  return phrase;
}
