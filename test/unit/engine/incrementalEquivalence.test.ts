import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Application, type Unit } from '@/lib/application/model';
import { unitTypes } from '@/lib/application/vocabulary';
import type { ChecklistEvidence } from '@/lib/core/vocabulary';
import { evaluate } from '@/lib/engine/evaluate';
import { createIncrementalEvaluator } from '@/lib/engine/incremental';
import { parsePack } from '@/lib/packs/parsePack';
import type { RulePack } from '@/lib/packs/schema';

/**
 * The incremental evaluator against a full evaluation, step by step, on random edit sequences over every fixture
 * application of the bundled guidelines (with the example institution layer): the same findings after every edit,
 * whatever the edit told the evaluator (a column of existing items, a list whose items came or went, a field).
 */

const root = join(import.meta.dirname, '../../..');
const loadPack = (file: string): RulePack => {
  const parsed = parsePack(JSON.parse(readFileSync(join(root, file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.pack;
};
const packs = new Map(
  ['rules/2019-intl-1.json', 'rules/2020-hmt.json'].map((f) => [loadPack(f).id, loadPack(f)] as const),
);
const institution = loadPack('rules/examples/institution-2026.json');
const checklist: ChecklistEvidence = { confirmations: {}, documents: {} };

/** Every fixture application with its pack and direction */
const fixtures = [...packs.keys()].flatMap((id) => {
  const dir = join(root, 'test/fixtures/applications', id);
  return readdirSync(dir)
    .map((f) => ({ f, json: JSON.parse(readFileSync(join(dir, f), 'utf8')) }))
    .filter(({ json }) => typeof json.direction === 'string')
    .map(({ f, json }) => ({
      name: `${id}/${f}`,
      pack: packs.get(id)!,
      code: json.direction,
      app: Application.parse(json),
    }));
});

/** mulberry32: the same sequences on every run */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Values a unit's column may take, including none */
const columnValues: Record<keyof Unit, readonly unknown[]> = {
  name: ['某某大学', '某某科技有限公司', '某某研究所', undefined],
  creditCode: ['91310000MA1FL0XXXX', undefined],
  type: [...unitTypes, undefined],
  affiliation: ['某某控股集团', '某某大学', undefined],
  registeredOn: ['2010-05-01', '2024-01-01', '2026-03-01', '2019-02-30', undefined],
  governmentFunding: [0, 20, 150, 900, undefined],
  matchingFunds: [0, 10, 300, 2000, undefined],
};
const columns = Object.keys(columnValues) as (keyof Unit)[];

const withColumn = (unit: Unit, column: keyof Unit, value: unknown): Unit => {
  const next = { ...unit } as Record<string, unknown>;
  if (value === undefined) delete next[column];
  else next[column] = value;
  return next as Unit;
};

/** One edit: the application after it, and the changed path as the page side reports it. */
type Edit = (app: Application, rnd: Rnd) => { app: Application; changed: string } | undefined;

const edits: Record<string, Edit> = {
  'a column of one participant': (app, rnd) => {
    if (!app.participants.length) return undefined;
    const i = Math.floor(rnd() * app.participants.length);
    const column = pick(rnd, columns);
    const participants = app.participants.map((p, n) =>
      n === i ? withColumn(p, column, pick(rnd, columnValues[column])) : p,
    );
    return { app: { ...app, participants }, changed: `participants.${i}.${column}` };
  },
  'a column of several participants': (app, rnd) => {
    const column = pick(rnd, columns);
    const participants = app.participants.map((p) =>
      rnd() < 0.5 ? withColumn(p, column, pick(rnd, columnValues[column])) : p,
    );
    return { app: { ...app, participants }, changed: `participants.*.${column}` };
  },
  'a participant added': (app, rnd) => {
    const unit = Object.fromEntries(
      columns.map((c) => [c, pick(rnd, columnValues[c])]).filter(([, v]) => v !== undefined),
    );
    return { app: { ...app, participants: [...app.participants, unit as Unit] }, changed: 'participants' };
  },
  'a participant removed': (app, rnd) => {
    if (!app.participants.length) return undefined;
    const i = Math.floor(rnd() * app.participants.length);
    return { app: { ...app, participants: app.participants.filter((_, n) => n !== i) }, changed: 'participants' };
  },
  'a column of the lead unit': (app, rnd) => {
    const column = pick(rnd, columns);
    const leadUnit = withColumn(app.leadUnit, column, pick(rnd, columnValues[column]));
    return { app: { ...app, leadUnit }, changed: `leadUnit.${column}` };
  },
  'a budget total': (app, rnd) => {
    const key = pick(rnd, ['central', 'other'] as const);
    const budget = { ...app.budget, [key]: pick(rnd, [50, 450, 1500, undefined]) };
    return { app: { ...app, budget }, changed: `budget.${key}` };
  },
  'a project date': (app, rnd) => {
    const key = pick(rnd, ['startDate', 'endDate'] as const);
    const project = { ...app.project, [key]: pick(rnd, ['2019-07-01', '2021-12-31', '2022-12-31', '2024-06-30']) };
    return { app: { ...app, project }, changed: `project.${key}` };
  },
  'the PI’s birth date': (app, rnd) => {
    const pi = { ...app.pi, birthDate: pick(rnd, ['1960-01-01', '1970-06-15', '1990-02-30']) };
    return { app: { ...app, pi }, changed: 'pi.birthDate' };
  },
};

describe('incremental evaluation equals a full evaluation on random edit sequences', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, { pack, code, app }) => {
    for (const layers of [[], [institution]]) {
      const rnd = random(fixtures.findIndex((f) => f.app === app) * 7919 + layers.length);
      const evaluator = createIncrementalEvaluator(pack, code, layers);
      let current = app;
      expect(evaluator.update(current, undefined, checklist)).toEqual(evaluate(pack, code, current, checklist, layers));
      const kinds = Object.keys(edits);
      for (let step = 0; step < 60; step++) {
        const kind = pick(rnd, kinds);
        const edit = edits[kind]!(current, rnd);
        if (!edit) continue;
        current = edit.app;
        const incremental = evaluator.update(current, [edit.changed], checklist);
        expect(incremental, `step ${step}: ${kind} (${edit.changed})`).toEqual(
          evaluate(pack, code, current, checklist, layers),
        );
      }
    }
  });

  it.each([
    ['2019-intl-1/1.6.fail.json', 'participants.0.registeredOn', '2024-01-01', 1], // the built-in date check
    ['2019-intl-1/1.6.fail.json', 'participants.0.name', '另一家公司', 0], // nobody reads names there
    // A unit without an affiliation of its own is its own affiliation: the rule counting affiliations runs.
    ['2019-intl-1/1.2.fail.json', 'participants.0.name', '另一家公司', 1],
    ['2019-intl-1/1.2.fail.json', 'participants.*.creditCode', '91310000MA1FL0XXXX', 0],
  ])('%s: a change to %s re-runs %i rule(s)', (name, changed, value, expected) => {
    const { pack, code, app } = fixtures.find((f) => f.name === name)!;
    const evaluator = createIncrementalEvaluator(pack, code);
    evaluator.update(app, undefined, checklist);
    const before = evaluator.evaluations;
    const column = changed.split('.').at(-1)!;
    const participants = app.participants.map((p, i) => (i === 0 ? { ...p, [column]: value } : p));
    const next = { ...app, participants };
    expect(evaluator.update(next, [changed], checklist)).toEqual(evaluate(pack, code, next, checklist));
    expect(evaluator.evaluations - before).toBe(expected);
  });
});
