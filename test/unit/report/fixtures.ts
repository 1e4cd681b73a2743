import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application } from '@/lib/application/model';
import { evaluate, findDirection } from '@/lib/engine/evaluate';
import { readPackFile, bundledPackDir } from '@/lib/packs/fromDisk';
import type { RulePack } from '@/lib/packs/schema';
import { buildReport, type Report } from '@/lib/report/model';
import type { Lang, Checklist } from '@/lib/core/vocabulary';

const appDir = join(import.meta.dirname, '../../fixtures/applications');

export function pack(id: string): RulePack {
  const loaded = readPackFile(join(bundledPackDir, `${id}.json`));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.pack;
}

export function application(packId: string, file: string): Application {
  return Application.parse(JSON.parse(readFileSync(join(appDir, packId, file), 'utf8')));
}

export function expectedFailures(packId: string, file: string): string[] {
  const expected = JSON.parse(readFileSync(join(appDir, packId, 'expected-failures.json'), 'utf8')) as {
    failures: Record<string, string[]>;
  };
  return expected.failures[file] ?? [];
}

/** Evaluates a fixture application and builds its report, the way the overlay will. */
export function reportFor(
  packId: string,
  file: string,
  options: { checklist?: Checklist; lang?: Lang; applicationId?: string } = {},
): { report: Report; rulePack: RulePack } {
  const rulePack = pack(packId);
  const code = file.split('.').slice(0, 2).join('.');
  const direction = findDirection(rulePack, code)!;
  const app = application(packId, file);
  const findings = evaluate(rulePack, code, app, options.checklist);
  const report = buildReport({
    pack: rulePack,
    direction,
    findings,
    checklist: options.checklist,
    application: app,
    lang: options.lang,
    generatedAt: '2026-11-23T06:30:00.000Z',
    applicationId: options.applicationId,
  });
  return { report, rulePack };
}
