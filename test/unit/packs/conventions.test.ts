import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application } from '@/lib/application/model';
import { derivedFacts } from '@/lib/engine/context';
import { evaluate } from '@/lib/engine/evaluate';
import { contextTree, resolvePath } from '@/lib/packs/knownPaths';
import { parsePack } from '@/lib/packs/parsePack';
import type { Direction, Rule, RulePack } from '@/lib/packs/schema';

/**
 * Conventions every shipped rule pack (rules/*.json) keeps: it validates, its ids are well formed,
 * every quote is really in the guideline, every direction of the guideline is encoded, and every
 * automatic check is seen both passing and failing on the example applications.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const rulesDir = join(root, 'rules');
const seedsDir = join(root, 'test', 'fixtures', 'seeds');
const applicationsDir = join(root, 'test', 'fixtures', 'applications');

const packFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function loadPack(file: string): RulePack {
  const result = parsePack(JSON.parse(readFileSync(join(rulesDir, file), 'utf8')));
  if (!result.ok) throw new Error(`${file}:\n${result.errors.join('\n')}`);
  return result.pack;
}

/** Guideline text as a quote is compared: page footers ("— 4 —") and all whitespace (PDF line breaks) removed. */
function normalizeGuideline(text: string): string {
  return text.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
}

/** Direction codes as the guideline prints its headings: "1.4 中国和瑞典…", "1.9中国和韩国…", "2.5 内地与香港…". */
function seedDirectionCodes(seed: string): string[] {
  return [...seed.matchAll(/^\s*(\d\.\d)\s*(?=[\u4e00-\u9fff])/gm)].map((m) => m[1]!);
}

interface LocatedRule {
  rule: Rule;
  /** The direction code, or "*" for a pack-wide rule. */
  scope: string;
}

function rulesOf(pack: RulePack): LocatedRule[] {
  return [
    ...pack.rules.map((rule) => ({ rule, scope: '*' })),
    ...pack.directions.flatMap((d) => d.rules.map((rule) => ({ rule, scope: d.code }))),
  ];
}

/** Rule `fields` name application paths; derived facts (units, durationMonths, direction.*) are not fields of the model. */
function isModelField(field: string): boolean {
  const derived = Object.keys(derivedFacts).some((d) => field === d || field.startsWith(`${d}.`));
  return !derived && !field.startsWith('direction.') && resolvePath(contextTree, field, true) !== undefined;
}

describe('normalizeGuideline', () => {
  it.each([
    ['PDF line break inside a word', '申报材\n\n料，单方', '申报材料，单方'],
    ['page footer between lines', '成\n\n\n\n— 4 —\n\n其他要求', '成其他要求'],
    ['spaces around numbers', '不超过 3 年', '不超过3年'],
    ['real characters are kept', '2~3年（包括大学）', '2~3年（包括大学）'],
  ])('%s', (_, input, expected) => {
    expect(normalizeGuideline(input)).toBe(expected);
  });
});

describe.each(packFiles)('rule pack %s', (file) => {
  const pack = loadPack(file);
  const rules = rulesOf(pack);
  const seedPath = join(seedsDir, `${pack.id}.txt`);
  const fixtureDir = join(applicationsDir, pack.id);

  it('is named after its id and has a seed text and fixtures', () => {
    expect(file).toBe(`${pack.id}.json`);
    expect(existsSync(seedPath), seedPath).toBe(true);
    expect(existsSync(fixtureDir), fixtureDir).toBe(true);
  });

  it('has unique rule ids of the form <pack>/<direction or *>/<slug>', () => {
    const ids = rules.map((r) => r.rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { rule, scope } of rules) {
      const [packId, direction, slug, ...rest] = rule.id.split('/');
      expect({ id: rule.id, packId, direction, rest }).toEqual({
        id: rule.id,
        packId: pack.id,
        direction: scope,
        rest: [],
      });
      expect(slug, rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('quotes every rule from the guideline text', () => {
    const seed = normalizeGuideline(readFileSync(seedPath, 'utf8'));
    const missing = rules
      .filter(({ rule }) => !seed.includes(normalizeGuideline(rule.quote)))
      .map(({ rule }) => rule.id);
    expect(missing).toEqual([]);
  });

  it('encodes exactly the directions of the guideline', () => {
    const seedCodes = seedDirectionCodes(readFileSync(seedPath, 'utf8'));
    expect(seedCodes.length).toBeGreaterThan(0);
    expect(pack.directions.map((d) => d.code).sort()).toEqual([...new Set(seedCodes)].sort());
  });

  it('is counted right in the reviewer table of docs/packs.md', () => {
    const doc = readFileSync(join(root, 'docs', 'packs.md'), 'utf8');
    const section = doc.split(/^### /m).find((s) => s.startsWith(`${pack.id} `)) ?? '';
    const documented = [...section.matchAll(/^\| ([*\d.]+) \| [^|]+ \| (\d+) \| (\d+) \| (\d+) \|/gm)].map((m) =>
      m.slice(1, 5).join(' '),
    );
    const count = (scope: string, list: Rule[]) =>
      [scope, ...(['check', 'confirm', 'document'] as const).map((k) => list.filter((r) => r.kind === k).length)].join(
        ' ',
      );
    const actual = [
      ...(pack.rules.length ? [count('*', pack.rules)] : []),
      ...pack.directions.map((d) => count(d.code, d.rules)),
    ];
    expect(documented).toEqual(actual);
  });

  it('lists only fields of the application model', () => {
    const unknown = rules.flatMap(({ rule }) =>
      rule.fields.filter((f) => !isModelField(f)).map((f) => `${rule.id}: ${f}`),
    );
    expect(unknown).toEqual([]);
  });

  describe('example applications', () => {
    const expected = JSON.parse(readFileSync(join(fixtureDir, 'expected-failures.json'), 'utf8')) as {
      failures: Record<string, string[]>;
    };
    const fixtureFiles = readdirSync(fixtureDir)
      .filter((f) => /\.(pass|fail)\.json$/.test(f))
      .sort();
    const directionOf = (code: string): Direction => {
      const direction = pack.directions.find((d) => d.code === code);
      if (!direction) throw new Error(`no direction ${code} in ${pack.id}`);
      return direction;
    };
    /** Check findings per fixture, evaluated once. */
    const results = fixtureFiles.map((name) => {
      const application = Application.parse(JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')));
      const direction = directionOf(application.direction ?? '');
      const checks = evaluate(pack, direction.code, application).filter((f) => f.kind === 'check');
      return { name, application, direction, checks };
    });

    it('has a pass and a fail fixture for every direction', () => {
      const names = new Set(fixtureFiles);
      const absent = pack.directions
        .flatMap((d) => [`${d.code}.pass.json`, `${d.code}.fail.json`])
        .filter((n) => !names.has(n));
      expect(absent).toEqual([]);
    });

    it('names its pack and a direction matching the file name in every fixture', () => {
      for (const { name, application } of results) {
        expect({ name, guideline: application.guideline }).toEqual({ name, guideline: pack.id });
        expect(name.startsWith(`${application.direction}.`), name).toBe(true);
      }
    });

    it.each(results.filter((r) => r.name.endsWith('.pass.json')).map((r) => [r.name, r] as const))(
      '%s passes every check of its direction',
      (_, { checks }) => {
        expect(checks.length).toBeGreaterThan(0);
        expect(checks.filter((f) => f.status !== 'pass').map((f) => `${f.ruleId}: ${f.status}`)).toEqual([]);
      },
    );

    it.each(results.filter((r) => r.name.endsWith('.fail.json')).map((r) => [r.name, r] as const))(
      '%s fails exactly the expected checks',
      (name, { checks }) => {
        const failing = checks
          .filter((f) => f.status === 'fail')
          .map((f) => f.ruleId)
          .sort();
        expect(expected.failures[name], `expected-failures.json has no entry for ${name}`).toBeDefined();
        expect(failing).toEqual([...expected.failures[name]!].sort());
        // A fail fixture decides every check: nothing is left unknown by an incomplete example.
        expect(checks.filter((f) => f.status === 'unknown').map((f) => f.ruleId)).toEqual([]);
      },
    );

    it('lists expectations only for fixtures that exist', () => {
      expect(Object.keys(expected.failures).filter((n) => !fixtureFiles.includes(n))).toEqual([]);
    });

    it('sees every automatic check both pass and fail on some fixture', () => {
      const seen = new Map<string, Set<string>>();
      for (const { checks } of results)
        for (const f of checks) seen.set(f.ruleId, (seen.get(f.ruleId) ?? new Set()).add(f.status));
      const uncovered = rules
        .filter(({ rule }) => rule.kind === 'check')
        .map(({ rule }) => ({ id: rule.id, statuses: seen.get(rule.id) ?? new Set<string>() }))
        .filter(({ statuses }) => !statuses.has('pass') || !statuses.has('fail'))
        .map(({ id, statuses }) => `${id}: ${[...statuses].join(',') || 'never evaluated'}`);
      expect(uncovered).toEqual([]);
    });
  });
});
