import type { DraftExtraction } from '@/lib/extract/extract';
import { fold } from '@/lib/extract/fold';
import type { CorpusKey, FactRow, RequirementKey } from './corpusKeys';

/** Scoring of a draft against a hand-written key: facts, requirement sentences encoded / listed / dropped, wrong rules. */

const compact = (s: string) => fold(s).replace(/\s+/g, '');
const slugOf = (id: string) => id.split('/').at(-1)!;
const slugMatches = (slug: string, key: string) =>
  key.endsWith('*') ? slug.startsWith(key.slice(0, -1)) : slug === key;

/** Six facts per direction, as in the seeds: code, title, planned projects, budget, duration, contacts. */
export function factScore(
  { pack }: DraftExtraction,
  rows: FactRow[],
): { right: number; total: number; wrong: string[] } {
  const wrong: string[] = [];
  for (const row of rows) {
    const d = pack.directions.find((x) => x.code === row.code);
    const facts: [string, unknown, unknown][] = [
      ['code', d?.code, row.code],
      ['title', d?.title.zh, row.title],
      ['planned', d && [d.plannedProjects?.min, d.plannedProjects?.max, d.plannedProjects?.approx], row.planned],
      ['budget', d?.totalBudget?.amount, row.budget],
      ['duration', d?.durationText, row.duration],
      ['contacts', d?.contacts.map((c) => [c.name, c.email, c.phone]), row.contacts],
    ];
    for (const [name, got, want] of facts)
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(`${row.code} ${name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  const extra = pack.directions
    .filter((d) => !rows.some((r) => r.code === d.code))
    .map((d) => `extra direction ${d.code}`);
  return { right: rows.length * 6 - wrong.length, total: rows.length * 6, wrong: [...wrong, ...extra] };
}

export interface RequirementScore {
  total: number;
  encoded: string[];
  listed: string[];
  dropped: string[];
  /** Rules the key does not expect where they are, or a pack-wide rule scoped to other directions than the key says. */
  wrong: string[];
}

function rulesAt({ pack }: DraftExtraction, direction: string) {
  return direction === '*' ? pack.rules : (pack.directions.find((d) => d.code === direction)?.rules ?? []);
}

export function requirementScore(draft: DraftExtraction, keys: RequirementKey[]): RequirementScore {
  const score: RequirementScore = { total: keys.length, encoded: [], listed: [], dropped: [], wrong: [] };
  for (const key of keys) {
    const fragment = compact(key.text);
    const label = `${key.direction} ${key.text}`;
    const rules = rulesAt(draft, key.direction).filter((r) => compact(r.quote).includes(fragment));
    const listed = draft.review.unmapped.some(
      (u) =>
        u.direction === key.direction &&
        (compact(u.sentence).includes(fragment) || fragment.includes(compact(u.sentence))),
    );
    if (key.rules?.every((slug) => rules.some((r) => slugMatches(slugOf(r.id), slug)))) score.encoded.push(label);
    else if (listed) score.listed.push(label);
    else score.dropped.push(label);
  }
  const expected = new Map<string, Set<string>>();
  for (const key of keys)
    for (const slug of key.rules ?? []) {
      const set = expected.get(key.direction) ?? new Set();
      set.add(slug);
      expected.set(key.direction, set);
    }
  const directions = ['*', ...draft.pack.directions.map((d) => d.code)];
  for (const direction of directions)
    for (const rule of rulesAt(draft, direction))
      if (![...(expected.get(direction) ?? [])].some((key) => slugMatches(slugOf(rule.id), key)))
        score.wrong.push(`${direction} ${slugOf(rule.id)} (${rule.quote})`);
  for (const key of keys.filter((k) => k.only)) {
    const rule = draft.pack.rules.find((r) => slugOf(r.id) === key.rules![0]);
    const values = rule?.when && 'op' in rule.when && rule.when.op === 'in' ? rule.when.values : undefined;
    const own = key.only!.filter((code) => rulesAt(draft, code).some((r) => slugOf(r.id) === key.rules![0]));
    const want = key.only!.filter((c) => !own.includes(c));
    if (JSON.stringify(values) !== JSON.stringify(want))
      score.wrong.push(`* ${key.rules![0]} scoped to ${JSON.stringify(values)}, key says ${JSON.stringify(want)}`);
  }
  return score;
}

export function scoreLine(name: string, facts: ReturnType<typeof factScore>, req: RequirementScore): string {
  const pct = (n: number) => `${Math.round((100 * n) / req.total)}%`;
  return `${name}: facts ${facts.right}/${facts.total}, sentences ${req.total}: encoded ${req.encoded.length} (${pct(req.encoded.length)}), listed ${req.listed.length}, dropped ${req.dropped.length}, wrong ${req.wrong.length}`;
}

export type { CorpusKey };
