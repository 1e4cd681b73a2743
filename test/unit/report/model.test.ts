import { describe, expect, test } from 'vitest';
import { evaluate, findDirection, rulesFor } from '@/lib/engine/evaluate';
import { findingMessage } from '@/lib/i18n/describe';
import { buildReport, verdictOrder } from '@/lib/report/model';
import { application, expectedFailures, pack, reportFor } from './fixtures';
import { emptyChecklist, sections } from '@/lib/core/vocabulary';

const cases: { packId: string; file: string }[] = [
  { packId: '2019-intl-1', file: '1.1.fail.json' },
  { packId: '2019-intl-1', file: '1.2.fail.json' },
  { packId: '2019-intl-1', file: '1.2.pass.json' },
  { packId: '2019-intl-1', file: '1.5.fail.json' },
  { packId: '2019-intl-1', file: '1.7.fail.json' },
  { packId: '2019-intl-1', file: '1.7.pass.json' },
  { packId: '2019-intl-1', file: '2.0.not-riken.fail.json' },
  { packId: '2019-intl-1', file: '2.5.fail.json' },
  { packId: '2020-hmt', file: '1.1.fail.json' },
  { packId: '2020-hmt', file: '1.2.fail.json' },
  { packId: '2020-hmt', file: '1.2.pass.json' },
];

describe.each(cases)('$packId $file', ({ packId, file }) => {
  const { report, rulePack } = reportFor(packId, file);
  const code = report.direction.code;
  const direction = findDirection(rulePack, code)!;
  const rules = rulesFor(rulePack, direction);
  const items = report.sections.flatMap((s) => s.items);

  test('lists every rule of the direction once, grouped by form section in portal order', () => {
    expect(items.map((i) => i.ruleId).sort()).toEqual(rules.map((r) => r.id).sort());
    const order = report.sections.map((s) => sections.indexOf(s.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const section of report.sections) for (const item of section.items) expect(item.section).toBe(section.section);
  });

  test('statuses, messages and quotes are the engine’s', () => {
    const findings = new Map(evaluate(rulePack, code, application(packId, file)).map((f) => [f.ruleId, f]));
    const rulesById = new Map(rules.map((r) => [r.id, r]));
    for (const item of items) {
      const finding = findings.get(item.ruleId)!;
      const rule = rulesById.get(item.ruleId)!;
      expect(item.status, item.ruleId).toBe(finding.status);
      expect(item.quote).toBe(rule.quote);
      expect(item.title).toBe(rule.title.zh);
      expect(item.severity).toBe(rule.severity);
      expect(item.problem).toBe(finding.status === 'fail' ? findingMessage(finding, rule, 'zh') : undefined);
    }
    const failing = items
      .filter((i) => i.status === 'fail' && i.kind === 'check')
      .map((i) => i.ruleId)
      .sort();
    expect(failing).toEqual(file.includes('.pass.') ? [] : expectedFailures(packId, file).sort());
  });

  test('totals add up by verdict; a failed rule is named by its severity', () => {
    expect(report.totals.rules).toBe(rules.length);
    expect(Object.values(report.totals.byVerdict).reduce((a, b) => a + b, 0)).toBe(rules.length);
    for (const verdict of verdictOrder)
      expect(report.totals.byVerdict[verdict]).toBe(items.filter((i) => i.verdict === verdict).length);
    for (const item of items.filter((i) => i.status === 'fail')) {
      expect(item.verdict).toBe(item.severity);
      expect(item.statusLabel).toBe({ error: '错误', warning: '警告', info: '提示' }[item.severity]);
    }
  });

  test('heading carries the guideline, the direction, funding facts and the partner-side contacts', () => {
    expect(report.title).toBe('形式审查自查表');
    expect(report.guideline).toEqual({ packId, version: rulePack.version, title: rulePack.title.zh });
    expect(report.direction).toEqual({ code, title: direction.title.zh });
    expect(report.contacts).toEqual(direction.contacts);
    if (direction.plannedProjects)
      expect(report.facts).toContainEqual({ label: '拟支持项目数', value: direction.plannedProjects.text });
    if (direction.totalBudget)
      expect(report.facts).toContainEqual({ label: '共拟支持经费', value: `${direction.totalBudget.amount} 万元` });
  });
});

describe('checklist records', () => {
  const rulePack = pack('2019-intl-1');
  const direction = findDirection(rulePack, '1.7')!;
  const confirmRule = direction.rules.find((r) => r.kind === 'confirm')!;
  const documentRule = direction.rules.find((r) => r.kind === 'document')!;
  const app = application('2019-intl-1', '1.7.fail.json');
  const warning = evaluate(rulePack, '1.7', app).find((f) => f.status === 'fail' && f.severity === 'warning')!;
  const checklist = {
    ...emptyChecklist(),
    confirmations: { [confirmRule.id]: { by: '张三', at: '2026-11-20T02:00:00.000Z', note: '奥方已于11月15日提交' } },
    documents: { [documentRule.id]: { ready: true, at: '2026-11-21T16:30:00.000Z' } },
    acknowledgements: {
      [warning.ruleId]: { reason: '经费已与专业机构沟通', by: '李四', at: '2026-11-22T01:00:00.000Z' },
    },
    owners: { [documentRule.id]: '王五' },
  };
  const report = buildReport({
    pack: rulePack,
    direction,
    findings: evaluate(rulePack, '1.7', app, checklist),
    checklist,
    application: app,
    generatedAt: '2026-11-23T06:30:00.000Z',
  });
  const item = (id: string) => report.sections.flatMap((s) => s.items).find((i) => i.ruleId === id)!;

  test('a confirmation shows who, when (Beijing time) and the note, and passes the rule', () => {
    expect(item(confirmRule.id)).toMatchObject({
      status: 'pass',
      confirmation: { by: '张三', atText: '2026-11-20 10:00', note: '奥方已于11月15日提交' },
    });
  });

  test('a ready document passes, with the owner and the date it was marked ready', () => {
    expect(item(documentRule.id)).toMatchObject({
      status: 'pass',
      owner: '王五',
      document: { ready: true, attached: false, atText: '2026-11-22 00:30' },
    });
  });

  test('an acknowledged warning keeps failing, with its reason, and is counted apart', () => {
    expect(item(warning.ruleId)).toMatchObject({
      status: 'fail',
      acknowledgement: { reason: '经费已与专业机构沟通', by: '李四', atText: '2026-11-22 09:00' },
    });
    expect(report.totals.acknowledged).toBe(1);
  });

  test('the generation time and the application’s own facts are in the heading', () => {
    expect(report.generatedAtText).toBe('2026-11-23 14:30（北京时间）');
    expect(report.application).toEqual({ projectName: app.project.nameZh, leadUnit: app.leadUnit.name });
  });

  test('a rule without a finding is reported as 信息不全, not dropped', () => {
    const partial = buildReport({ pack: rulePack, direction, findings: [], generatedAt: '2026-11-23T06:30:00.000Z' });
    const items = partial.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(rulesFor(rulePack, direction).length);
    expect(items.every((i) => i.status === 'unknown' && i.statusLabel === '信息不全')).toBe(true);
  });
});
