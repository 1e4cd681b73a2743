/** Text normalising shared by the page reader: labels and values as the portal prints them. */

/** Full-width ASCII (０-９, Ａ-Ｚ, ．，) to half-width; ideographic space to space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Half-width, no spaces, asterisks or colons, every bracket kind written as ( ). */
function tidy(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[*:※]/g, '')
    .replace(/[【〔［[]/g, '(')
    .replace(/[】〕］\]]/g, ')');
}

/**
 * A label as printed ("*项目名称：", "项目名称 (必填)", "【中央财政经费】（万元）") reduced to its words: half-width,
 * no spaces, asterisks, colons or trailing punctuation, every bracket kind written as ( ). The unit stays: it tells
 * how to read amounts.
 */
export function normalizeLabel(s: string): string {
  return tidy(s)
    .replace(/\((必填|选填|必填项|选填项)\)/g, '')
    .replace(/^[、,.;。，；]+|[、,.;。，；?]+$/g, '')
    .replace(/^\(([^()]+)\)$/, '$1'); // a label printed wholly in brackets (【项目名称】)
}

/** How a field map says the same thing in other words (rules/portal/*.json `labelWords`). */
export interface LabelWords {
  /** Words a label may start with that change nothing ("项目", "申请", "拟") */
  prefixes?: string[];
  /** The word used in the field map → the other ways portals print it */
  synonyms?: Record<string, string[]>;
}

const NO_WORDS: LabelWords = {};

/** Keys already computed, per word table: a 2,000-control form prints the same few labels many times. */
const keysOf = new WeakMap<LabelWords, Map<string, string>>();
const pairsOf = new WeakMap<LabelWords, (readonly [string, string])[]>();

/** Every way of writing each word → the field map's word, longest first (the word itself included, so "执行期限" is not
 * read as "执行期" + "限"). */
function synonymPairs(words: LabelWords): (readonly [string, string])[] {
  let pairs = pairsOf.get(words);
  if (!pairs) {
    pairs = Object.entries(words.synonyms ?? {})
      .flatMap(([canonical, variants]) => [canonical, ...variants].map((v) => [tidy(v), canonical] as const))
      .filter(([v]) => v !== '')
      .sort((a, b) => b[0].length - a[0].length);
    pairsOf.set(words, pairs);
  }
  return pairs;
}

/** A label's words with every synonym written the field map's way and bracketed notes and units left out. */
export function canonicalLabel(s: string, words: LabelWords = NO_WORDS): string {
  let text = normalizeLabel(s);
  const pairs = synonymPairs(words);
  if (pairs.length) {
    // One pass, longest variant first at each position, so a replacement is never replaced again.
    let out = '';
    for (let i = 0; i < text.length; ) {
      const hit = pairs.find(([v]) => text.startsWith(v, i));
      if (hit) {
        out += hit[1];
        i += hit[0].length;
      } else out += text[i++];
    }
    text = out;
  }
  return text.replace(/\([^()]*\)/g, '');
}

/**
 * A label's key: its canonical words without the prefixes that change nothing, so "*拟申请中央财政资金（元）：" and
 * "中央财政经费" have the same key. A prefix is kept when less than three characters would remain ("项目名称" is not
 * "名称").
 */
export function labelKey(s: string, words: LabelWords = NO_WORDS): string {
  let cache = keysOf.get(words);
  if (!cache) {
    cache = new Map();
    keysOf.set(words, cache);
  }
  const known = cache.get(s);
  if (known !== undefined) return known;
  let key = canonicalLabel(s, words);
  const prefixes = (words.prefixes ?? []).map(normalizeLabel).filter(Boolean);
  for (let again = true; again; ) {
    again = false;
    for (const p of prefixes) {
      if (key.startsWith(p) && key.length - p.length >= 3) {
        key = key.slice(p.length);
        again = true;
      }
    }
  }
  cache.set(s, key);
  return key;
}
