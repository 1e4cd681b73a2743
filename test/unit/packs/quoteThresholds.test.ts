import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Condition } from '@/lib/engine/condition';
import { directionFacts } from '@/lib/engine/context';
import { addDays, addMonths, parseIsoDate, spanBetween, spanInMonths, type Ymd } from '@/lib/engine/dates';
import { evaluateCondition, rootScope } from '@/lib/engine/evaluateCondition';
import { parseBudget } from '@/lib/extract/phrases/budget';
import { parseDuration } from '@/lib/extract/phrases/duration';
import { NUMBER, readNumber } from '@/lib/extract/phrases/number';
import { parsePlannedProjects } from '@/lib/extract/phrases/plannedProjects';
import { bundledPackDir, loadPackDir } from '@/lib/packs/fromDisk';
import type { Direction, Rule, RulePack } from '@/lib/packs/schema';

/**
 * A rule is right only if a test fails when its number changes: every check rule's numbers are read back from
 * its quote with the extractor's phrase parsers (lib/extract/phrases), and boundary fixtures are generated per
 * rule (at the limit passes; one day, one 万元 or one unit over fails). Severity follows the wording.
 */

const root = join(import.meta.dirname, '../../..');
const packs = loadPackDir(bundledPackDir).packs;

/** The factor above the funding per project at which the warning fires, as docs/packs.md states it. */
const FAR_ABOVE_FACTOR = 1.5;

/** Rules whose number is not printed as a duration, count or amount in their quote, and why. */
const declared: Record<string, string> = {
  'duration-2019-2020': 'the quote names the work years "2019至2020年": two calendar years, 24 months',
  'funding-far-above-average': `a product threshold, ${FAR_ABOVE_FACTOR} × the funding per project (docs/packs.md)`,
  'funding-per-project': 'the funding per project itself, 1 × (totalBudget ÷ planned projects)',
};

interface Located {
  pack: RulePack;
  direction?: Direction;
  rule: Rule;
}
const checkRules: Located[] = packs
  .flatMap((pack) => [
    ...pack.rules.map((rule) => ({ pack, rule })),
    ...pack.directions.flatMap((direction) => direction.rules.map((rule) => ({ pack, direction, rule }))),
  ])
  .filter((l) => l.rule.kind === 'check');
const slug = (rule: Rule) => rule.id.split('/').at(-1)!;

/** Every leaf of a condition, `where` / `check` included. */
function leaves(condition: Condition | undefined): Extract<Condition, { op: string }>[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  const nested =
    'where' in condition || 'check' in condition
      ? [...leaves((condition as { where?: Condition }).where), ...leaves((condition as { check?: Condition }).check)]
      : [];
  return [condition, ...nested];
}

type Kind = 'duration' | 'funding' | 'count' | 'equal-funds' | 'none';
function kindOf(rule: Rule): Kind {
  const ops = leaves(rule.check);
  if (ops.some((l) => l.op === 'monthsBetween' || ('field' in l && l.field === 'project.durationMonths')))
    return 'duration';
  if (ops.some((l) => 'value' in l && typeof l.value === 'object' && l.value?.fact === 'direction.fundingPerProject'))
    return 'funding';
  if (ops.some((l) => l.op === 'count' || l.op === 'countDistinct')) return 'count';
  if (ops.some((l) => l.op === 'compareFields')) return 'equal-funds';
  return 'none';
}

/** The duration bounds a rule's condition states, in months. */
function durationBounds(rule: Rule): { min?: number; max?: number } {
  for (const l of leaves(rule.check)) {
    if (l.op === 'monthsBetween') return { min: l.min, max: l.max };
    if (l.op === 'between' && l.field === 'project.durationMonths')
      return { min: l.min as number, max: l.max as number };
    if ((l.op === 'lte' || l.op === 'lt') && l.field === 'project.durationMonths') return { max: l.value as number };
    if ((l.op === 'gte' || l.op === 'gt') && l.field === 'project.durationMonths') return { min: l.value as number };
  }
  return {};
}

/** "3家及以上" → 3, "至少有一家" → 1, "多家" → 2, no count at all → 1 (a partner / an enterprise). */
function quotedCount(quote: string): number {
  const m = new RegExp(`(${NUMBER})\\s*(?:家|个)(?!月)`).exec(quote);
  if (m) return readNumber(m[1]!);
  return /多家/.test(quote) ? 2 : 1;
}

/**
 * 原则上 / 一般 → warning; an open list ("如INTPART项目…等") → warning, as another qualifying body cannot be
 * recognised; 鼓励 / 优先支持 → info; 须 / 必须 / 应 / 需 / 为 → error.
 */
function severityOf(quote: string): Rule['severity'] {
  if (/原则上|一般/.test(quote) || /如[^。]*等/.test(quote)) return 'warning';
  if (/鼓励|优先支持/.test(quote)) return 'info';
  return 'error';
}

/** Count rules whose quote holds more than one count, and which clause the rule encodes. */
const declaredCounts: Record<string, [number, string]> = {
  '2019-intl-1/1.7/enterprise-encouraged': [1, 'the first clause, 鼓励企业参与 (an enterprise); 多家 is the second'],
};

describe('quote ↔ threshold convention', () => {
  it('covers the check rules of every bundled pack', () => {
    expect(new Set(checkRules.map((l) => l.pack.id))).toEqual(new Set(packs.map((p) => p.id)));
    expect(checkRules.length).toBeGreaterThan(90);
  });

  it(`docs/packs.md states the ${FAR_ABOVE_FACTOR} × funding factor`, () => {
    expect(readFileSync(join(root, 'docs/packs.md'), 'utf8')).toContain(`above ${FAR_ABOVE_FACTOR} × that`);
  });

  it.each(checkRules.map((l) => [l.rule.id, l]))('%s states its quote’s numbers', (_, { rule, direction }) => {
    const kind = kindOf(rule);
    if (kind === 'duration') {
      const bounds = durationBounds(rule);
      if (slug(rule) === 'duration-2019-2020') {
        const [from, to] = [...rule.quote.matchAll(/(\d{4})/g)].map((m) => Number(m[1]));
        expect(bounds).toEqual({ max: (to! - from! + 1) * 12 });
        expect(rule.severity).toBe('warning');
        return;
      }
      const phrase = parseDuration(rule.quote);
      expect(phrase).toBeDefined();
      expect(bounds).toEqual({
        ...(phrase!.minMonths === undefined ? {} : { min: phrase!.minMonths }),
        ...(phrase!.maxMonths === undefined ? {} : { max: phrase!.maxMonths }),
      });
      expect(rule.severity).toBe(severityOf(rule.quote));
    } else if (kind === 'funding') {
      const budget = parseBudget(rule.quote);
      const planned = parsePlannedProjects(rule.quote);
      expect(direction?.totalBudget?.amount).toBe(budget?.amount);
      expect([direction?.plannedProjects?.min, direction?.plannedProjects?.max]).toEqual([planned?.min, planned?.max]);
      const times = leaves(rule.check)
        .map((l) => ('value' in l && typeof l.value === 'object' ? (l.value.times ?? 1) : undefined))
        .find((t) => t !== undefined);
      expect(times).toBe(slug(rule) === 'funding-far-above-average' ? FAR_ABOVE_FACTOR : 1);
      expect(rule.severity).toBe(slug(rule) === 'funding-far-above-average' ? 'warning' : 'info');
    } else if (kind === 'count') {
      const mins = leaves(rule.check)
        .filter((l) => l.op === 'count' || l.op === 'countDistinct')
        .map((l) => (l as { min?: number }).min);
      expect(new Set(mins)).toEqual(new Set([declaredCounts[rule.id]?.[0] ?? quotedCount(rule.quote)]));
      expect(rule.severity).toBe(severityOf(rule.quote));
    } else if (kind === 'equal-funds') {
      // "至少与其获得的政府资助等额": matching funds ≥ government funding, factor 1.
      expect(rule.quote).toMatch(/至少.*等额/);
      const compare = leaves(rule.check).find((l) => l.op === 'compareFields');
      expect(compare).toMatchObject({ field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' });
      expect(rule.severity).toBe('error');
    } else {
      // No number in the condition: nothing to tie, but the wording still sets the severity.
      const numbers = JSON.stringify(rule.check).match(/:\s*\d/g);
      expect([rule.id, numbers]).toEqual([rule.id, null]);
      expect(rule.severity).toBe(severityOf(rule.quote));
    }
    if (declared[slug(rule)]) expect(['duration', 'funding']).toContain(kind);
  });
});

// ---- boundary fixtures, generated per rule ----------------------------------------------------------------

const START = parseIsoDate('2020-01-01')!;
const iso = (d: Ymd) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;

/** A context fragment for a project from START to `end`. */
function project(end: Ymd) {
  const span = spanBetween(iso(START), iso(end))!;
  return { startDate: iso(START), endDate: iso(end), durationMonths: spanInMonths(span) };
}

/** The fields an item needs to satisfy `where`: the first branch of an `any`, every part of an `all`. */
function required(where: Condition | undefined): Record<string, unknown> {
  if (!where || 'not' in where) return {};
  if ('any' in where) return required(where.any[0]);
  if ('all' in where) return Object.assign({}, ...where.all.map(required));
  if (where.op === 'eq' || where.op === 'equalsNormalized') return { [where.field]: where.value };
  if (where.op === 'in') return { [where.field]: where.values[0] };
  if (where.op === 'contains') return { [where.field]: [where.value] };
  return {};
}

/** An item that satisfies `where` (and the `every` checks of its list), distinct from the others. */
function matching(where: Condition | undefined, i: number, also: Condition[] = []): Record<string, unknown> {
  return { ...other(i), ...required(where), ...Object.assign({}, ...also.map(required)) };
}
function other(i: number): Record<string, unknown> {
  return {
    name: `其他${i}`,
    affiliation: `其他主管${i}`,
    type: 'other',
    memberships: ['NONE'],
    country: 'Nowhere',
  };
}

/** Contexts with exactly `n` items matching each count leaf of the rule (n = its min, or one less). */
function countContext(rule: Rule, shortBy: number, which: number): Record<string, unknown> {
  const lists: Record<string, Record<string, unknown>[]> = { units: [], foreignPartners: [] };
  const counts = leaves(rule.check).filter((l) => l.op === 'count' || l.op === 'countDistinct');
  // Items also meet what an `every` of the same rule asks of their list (2.0: every partner is RIKEN staff).
  const everyCheck = (list: string) =>
    leaves(rule.check)
      .filter((l) => l.op === 'every' && l.list === list)
      .map((l) => (l as { check: Condition }).check);
  counts.forEach((l, k) => {
    const leaf = l as { list: string; where?: Condition; min?: number };
    const n = (leaf.min ?? 1) - (k === which ? shortBy : 0);
    for (let i = 0; i < n; i++) {
      lists[leaf.list] ??= [];
      const list = lists[leaf.list]!;
      list.push(matching(leaf.where, list.length, everyCheck(leaf.list)));
    }
  });
  // A list item that matches nothing keeps `units` non-empty (a lead unit always exists).
  if (!lists.units!.length) lists.units!.push(other(0));
  return {
    units: lists.units,
    leadUnit: lists.units![0],
    participants: lists.units!.slice(1),
    foreignPartners: lists.foreignPartners,
    project: {},
    pi: {},
    budget: {},
    attachments: lists.attachments ?? [],
  };
}

const statusOf = (rule: Rule, context: unknown) => evaluateCondition(rule.check!, rootScope(context)).status;

describe('boundary fixtures', () => {
  const numeric = checkRules.filter((l) => kindOf(l.rule) !== 'none');

  it.each(numeric.map((l) => [l.rule.id, l]))('%s: at the limit passes, one over fails', (_, { rule, direction }) => {
    const kind = kindOf(rule);
    if (kind === 'duration') {
      const { min, max } = durationBounds(rule);
      const endFor = (months: number) => addDays(addMonths(START, months), -1);
      if (max !== undefined) {
        expect(statusOf(rule, { project: project(endFor(max)) })).toBe('pass');
        expect(statusOf(rule, { project: project(addDays(endFor(max), 1)) })).toBe('fail');
      }
      if (min !== undefined) {
        expect(statusOf(rule, { project: project(endFor(min)) })).toBe('pass');
        expect(statusOf(rule, { project: project(addDays(endFor(min), -1)) })).toBe('fail');
      }
    } else if (kind === 'funding') {
      const facts = directionFacts(direction!);
      const times = slug(rule) === 'funding-far-above-average' ? FAR_ABOVE_FACTOR : 1;
      const limit = facts.fundingPerProject! * times;
      expect(statusOf(rule, { budget: { central: limit }, direction: facts })).toBe('pass');
      expect(statusOf(rule, { budget: { central: limit + 1 }, direction: facts })).toBe('fail');
    } else if (kind === 'count') {
      const counts = leaves(rule.check).filter((l) => l.op === 'count' || l.op === 'countDistinct');
      expect(statusOf(rule, countContext(rule, 0, -1))).toBe('pass');
      counts.forEach((_, k) => {
        const short = countContext(rule, 1, k);
        // One unit short of any count fails the rule (an `any` still passes through another branch).
        if (!('any' in rule.check!)) expect(statusOf(rule, short)).toBe('fail');
      });
    } else {
      const enterprise = (matchingFunds: number) => ({
        units: [{ name: '甲公司', type: 'enterprise', governmentFunding: 100, matchingFunds }],
      });
      expect(statusOf(rule, enterprise(100))).toBe('pass');
      expect(statusOf(rule, enterprise(99))).toBe('fail');
    }
  });
});
