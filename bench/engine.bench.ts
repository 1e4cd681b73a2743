// npm run bench -- engine: evaluation time of the rule engine (full and incremental).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Application } from '../lib/application/model';
import type { Condition } from '../lib/engine/condition';
import { evaluate } from '../lib/engine/evaluate';
import { createIncrementalEvaluator } from '../lib/engine/incremental';
import { bundledPackDir, readPackFile } from '../lib/packs/fromDisk';
import { parsePack } from '../lib/packs/parsePack';
import type { RulePack } from '../lib/packs/schema';
import { type Bench, type BenchFigure, median, percentile } from './types';

const filled = Application.parse({
  guideline: '2019-intl-1',
  project: {
    nameZh: '面向智能制造的量子传感关键技术',
    nameEn: 'Quantum sensing for smart manufacturing',
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    abstractEn: 'A half page abstract.',
  },
  leadUnit: {
    name: '某某大学',
    creditCode: '12100000400000000X',
    type: 'university',
    governmentFunding: 200,
    matchingFunds: 0,
  },
  participants: [
    { name: '某某研究所', type: 'institute', affiliation: '中国科学院', governmentFunding: 80 },
    { name: '某某科技有限公司', type: 'enterprise', governmentFunding: 60, matchingFunds: 80 },
    { name: '某某电子股份有限公司', type: 'enterprise', governmentFunding: 40, matchingFunds: 40 },
  ],
  pi: { name: '张三', title: '教授', monthsPerYear: 8 },
  foreignPartners: [{ name: 'Anna', country: 'Norway', institution: 'NTNU', memberships: ['FME'] }],
  budget: { central: 380, other: 120 },
  attachments: [{ kind: 'cooperationAgreement' }],
});

/** Times `fn` `runs` times after a warm-up; milliseconds. */
function time(fn: () => void, runs: number): number[] {
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

function figures(name: string, samples: number[], target?: string): BenchFigure[] {
  const n = samples.length;
  return [
    { name: `${name} median`, value: median(samples), unit: 'ms', note: `median of ${n}` },
    { name: `${name} p95`, value: percentile(samples, 95), unit: 'ms', note: `p95 of ${n}` },
    {
      name: `${name} p99`,
      value: percentile(samples, 99),
      unit: 'ms',
      note: `p99 of ${n}`,
      ...(target ? { target } : {}),
    },
  ];
}

/** 1,000 rules over 10 directions, cycling through every kind of condition the seeds need. */
function syntheticPack(): RulePack {
  const enterprise: Condition = { op: 'eq', field: 'type', value: 'enterprise' };
  const checks: Condition[] = [
    { op: 'lte', field: 'project.durationMonths', value: 36 },
    { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject', times: 1.5 } },
    { op: 'count', list: 'units', where: enterprise, min: 1 },
    { op: 'countDistinct', list: 'units', of: 'affiliation', min: 3 },
    {
      op: 'every',
      list: 'units',
      where: enterprise,
      check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
    },
    {
      any: [
        { op: 'in', field: 'leadUnit.type', values: ['university', 'institute'] },
        { not: { op: 'exists', field: 'pi.name' } },
      ],
    },
    { op: 'sum', list: 'units', of: 'governmentFunding', max: { fact: 'direction.totalBudget' } },
    {
      all: [
        { op: 'exists', field: 'project.nameEn' },
        { op: 'equalsNormalized', field: 'project.nameEn', value: 'quantum sensing for smart manufacturing' },
      ],
    },
    { op: 'contains', field: 'foreignPartners.0.memberships', value: 'FME' },
    { op: 'monthsBetween', from: 'project.startDate', to: 'project.endDate', min: 24, max: 36 },
  ];
  const text = { zh: '规则', en: 'Rule' };
  const directions = Array.from({ length: 10 }, (_, d) => ({
    code: `1.${d + 1}`,
    title: { zh: `方向 ${d + 1}`, en: `Direction ${d + 1}` },
    plannedProjects: { min: 2, max: 3, approx: false, text: '2-3个' },
    totalBudget: { amount: 4000, text: '4000万元' },
    rules: Array.from({ length: 100 }, (_, r) => ({
      id: `synthetic/1.${d + 1}/rule-${r}`,
      kind: 'check',
      severity: r % 3 === 0 ? 'error' : 'warning',
      section: 'basic',
      title: text,
      explain: text,
      quote: '项目执行期原则上不超过3年。',
      check: checks[r % checks.length],
    })),
  }));
  const parsed = parsePack({
    schema: 1,
    id: 'synthetic',
    version: 1,
    title: text,
    source: { title: 'synthetic', issuer: 'bench', year: 2019 },
    published: '2019-01-01',
    expires: '2030-01-01',
    directions,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.pack;
}

/** One keystroke: the end date changes, the evaluator re-runs the rules reading it. */
function incrementalSamples(pack: RulePack, code: string, runs: number): number[] {
  const evaluator = createIncrementalEvaluator(pack, code);
  evaluator.update(filled);
  let day = 0;
  return time(() => {
    day = (day + 1) % 28;
    const application = {
      ...filled,
      project: { ...filled.project, endDate: `2022-12-${String(day + 1).padStart(2, '0')}` },
    };
    evaluator.update(application, ['project.endDate']);
  }, runs);
}

const bench: Bench = {
  topic: 'engine',
  async run() {
    const out: BenchFigure[] = [];
    const realFile = join(bundledPackDir, '2019-intl-1.json');
    const real = existsSync(realFile) ? readPackFile(realFile) : undefined;
    if (real?.ok) {
      const pack = real.pack;
      // The direction with the most rules, as the worst case of a keystroke.
      const first = pack.directions.reduce((a, b) => (b.rules.length > a.rules.length ? b : a)).code;
      out.push(
        ...figures(
          `2019 pack, direction ${first}`,
          time(() => evaluate(pack, first, filled), 1000),
          '≤ 1 ms p99',
        ),
      );
      out.push(
        ...figures(
          `2019 pack, all ${pack.directions.length} directions`,
          time(() => {
            for (const d of pack.directions) evaluate(pack, d.code, filled);
          }, 300),
        ),
      );
      out.push(
        ...figures(`2019 pack, incremental update (${first})`, incrementalSamples(pack, first, 2000), '≤ 1 ms p99'),
      );
    } else {
      console.log(
        `  (skipped the 2019 pack: ${real ? `rules/2019-intl-1.json is invalid: ${real.errors[0]}` : 'rules/2019-intl-1.json not present yet'})`,
      );
    }
    const synthetic = syntheticPack();
    out.push(
      ...figures(
        'synthetic 1,000 rules, full evaluation',
        time(() => {
          for (const d of synthetic.directions) evaluate(synthetic, d.code, filled);
        }, 200),
      ),
    );
    const oneDirection = synthetic.directions[0]!.code;
    out.push(
      ...figures(
        'synthetic 100-rule direction, full evaluation',
        time(() => evaluate(synthetic, oneDirection, filled), 1000),
        '≤ 1 ms p99',
      ),
    );
    out.push(
      ...figures(
        'synthetic 100-rule direction, incremental update',
        incrementalSamples(synthetic, oneDirection, 2000),
        '≤ 1 ms p99',
      ),
    );
    return out;
  },
};

export default bench;
