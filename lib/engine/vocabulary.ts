import countries from '../application/vocabulary/countries.json';
import degrees from '../application/vocabulary/degrees.json';
import titles from '../application/vocabulary/titles.json';
import { normalizeText } from './normalize';

/**
 * The vocabularies the context derives facts through (lib/application/vocabulary/*.json, data an
 * institution can extend without code): title → 职称级别, degree → 学位级别, country spellings → one name.
 */

type TitleLevel = keyof typeof titles.titles;
type DegreeLevel = keyof typeof degrees.degrees | 'other';

const compact = (value: unknown) => normalizeText(value).replace(/\s+/g, '');

const titleIndex = new Map<string, TitleLevel>(
  Object.entries(titles.titles).flatMap(([level, names]) => names.map((n) => [compact(n), level as TitleLevel])),
);

/** "研究员" → "senior"; a title not in the vocabulary → undefined (the rule stays unknown, never guesses). */
export function titleLevelOf(title: unknown): TitleLevel | undefined {
  return typeof title === 'string' ? titleIndex.get(compact(title)) : undefined;
}

const degreeWords = Object.entries(degrees.degrees)
  .flatMap(([level, words]) => words.map((w) => ({ word: normalizeText(w), level: level as DegreeLevel })))
  .sort((a, b) => b.word.length - a.word.length);

/** "工学博士" → "doctorate": the longest vocabulary word the degree contains; other text → "other". */
export function degreeLevelOf(degree: unknown): DegreeLevel | undefined {
  if (typeof degree !== 'string' || degree.trim() === '') return undefined;
  const text = normalizeText(degree);
  return degreeWords.find((d) => text.includes(d.word))?.level ?? 'other';
}

const countryIndex = new Map<string, string>(
  Object.entries(countries.countries).flatMap(([name, spellings]) => spellings.map((s) => [normalizeText(s), name])),
);

/** "Norge", "Kingdom of Norway", "挪威" → "Norway"; an unknown spelling is kept as written. */
export function canonicalCountry(country: string): string {
  return countryIndex.get(normalizeText(country)) ?? country;
}
