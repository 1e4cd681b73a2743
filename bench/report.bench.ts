// npm run bench -- report: building and rendering the 形式审查自查表 of the direction with the most rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application } from '../lib/application/model';
import { evaluate, rulesFor } from '../lib/engine/evaluate';
import { bundledPackDir, readPackFile } from '../lib/packs/fromDisk';
import { reportToHtml } from '../lib/report/html';
import { reportToMarkdown } from '../lib/report/markdown';
import { buildReport } from '../lib/report/model';
import { type Bench, type BenchFigure, median, percentile } from './types';
import { emptyChecklist } from '../lib/core/vocabulary';

/** Times `fn` `runs` times after a warm-up; milliseconds. */
function time(fn: () => void, runs: number): number[] {
  for (let i = 0; i < 50; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

const bench: Bench = {
  topic: 'report',
  async run() {
    const loaded = readPackFile(join(bundledPackDir, '2019-intl-1.json'));
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const pack = loaded.pack;
    const direction = [...pack.directions].sort((a, b) => rulesFor(pack, b).length - rulesFor(pack, a).length)[0]!;
    const fixture = join(
      import.meta.dirname,
      '..',
      'test',
      'fixtures',
      'applications',
      pack.id,
      `${direction.code}.fail.json`,
    );
    const application = Application.parse(JSON.parse(readFileSync(fixture, 'utf8')));
    const checklist = emptyChecklist();
    for (const rule of direction.rules) {
      if (rule.kind === 'confirm')
        checklist.confirmations[rule.id] = { by: '张三', at: new Date().toISOString(), note: '<b>已确认</b> | 备注' };
    }
    const findings = evaluate(pack, direction.code, application, checklist);
    const input = {
      pack,
      direction,
      findings,
      checklist,
      application,
      generatedAt: new Date().toISOString(),
      applicationId: 'SQ2019YFE0100123',
    };
    const runs = 1000;
    const figures: BenchFigure[] = [];
    const series: [string, () => void][] = [
      ['build', () => buildReport(input)],
      ['build + Markdown', () => reportToMarkdown(buildReport(input))],
      ['build + HTML', () => reportToHtml(buildReport(input))],
    ];
    for (const [name, fn] of series) {
      const xs = time(fn, runs);
      const label = `${name}, direction ${direction.code} (${rulesFor(pack, direction).length} rules)`;
      figures.push({
        name: `${label} median`,
        value: median(xs),
        unit: 'ms',
        note: `median of ${runs}`,
        target: '< 10 ms',
      });
      figures.push({ name: `${label} p95`, value: percentile(xs, 95), unit: 'ms', note: `p95 of ${runs}` });
      figures.push({ name: `${label} p99`, value: percentile(xs, 99), unit: 'ms', note: `p99 of ${runs}` });
    }
    figures.push({ name: 'HTML size', value: reportToHtml(buildReport(input)).length, unit: 'chars' });
    return figures;
  },
};

export default bench;
