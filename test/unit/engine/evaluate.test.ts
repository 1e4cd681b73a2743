import { describe, expect, it } from 'vitest';
import { Application } from '@/lib/application/model';
import { evaluate } from '@/lib/engine/evaluate';
import type { Finding } from '@/lib/engine/finding';
import { formatFinding } from '@/lib/engine/format';
import { miniPack } from './fixturePack';
import type { ChecklistEvidence } from '@/lib/core/vocabulary';

const pack = miniPack();
const ruleOf = (id: string) => [...pack.rules, ...pack.directions.flatMap((d) => d.rules)].find((r) => r.id === id)!;
const byId = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.ruleId.split('/').at(-1)!, f]));
const noChecklist: ChecklistEvidence = { confirmations: {}, documents: {} };

const filled = Application.parse({
  project: { startDate: '2020-01-01', endDate: '2022-12-31' },
  leadUnit: { name: '某大学', type: 'university' },
  participants: [{ name: '某公司', type: 'enterprise', governmentFunding: 100, matchingFunds: 50 }],
  pi: { name: '张三' },
  budget: { central: 150 },
});

describe('evaluate', () => {
  it('evaluates the pack-wide rules and the direction rules with their deciding values', () => {
    const findings = evaluate(pack, '1.7', filled);
    expect(findings.map((f) => f.ruleId)).toEqual([
      'input/*/valid-dates',
      'input/*/end-not-before-start',
      'test-mini/*/pi-named',
      'test-mini/1.7/duration-max-2y',
      'test-mini/1.7/budget-near-funding',
      'test-mini/1.7/enterprise-matching',
      'test-mini/1.7/ip-agreement',
      'test-mini/1.7/both-sides-apply',
    ]);
    const f = byId(findings);
    expect(f['pi-named']!.status).toBe('pass');
    expect(f['duration-max-2y']).toMatchObject({
      status: 'fail',
      severity: 'error',
      section: 'basic',
      detail: [{ op: 'lte', actual: 36, expected: 24, max: 24 }],
    });
    expect(f['budget-near-funding']).toMatchObject({ status: 'pass', detail: [{ actual: 150, expected: 300 }] });
    expect(f['enterprise-matching']!.status).toBe('fail');
    expect(f['enterprise-matching']!.detail[0]!.because![0]).toMatchObject({
      path: 'units.1.matchingFunds',
      actual: 50,
      expected: 100,
    });
    expect(f['ip-agreement']!.status).toBe('confirm');
    expect(f['both-sides-apply']!.status).toBe('confirm');
  });

  it('says "unknown" with the missing paths on an empty form, and "na" when `when` does not hold', () => {
    const f = byId(evaluate(pack, '1.7', Application.parse({})));
    expect(f['duration-max-2y']).toMatchObject({ status: 'unknown', missing: ['project.durationMonths'] });
    expect(f['budget-near-funding']).toMatchObject({ status: 'unknown', missing: ['budget.central'] });
    expect(f['enterprise-matching']).toMatchObject({ status: 'unknown', missing: ['units.0.type'] });
    const noEnterprise = Application.parse({ leadUnit: { type: 'university' }, participants: [{ type: 'institute' }] });
    expect(byId(evaluate(pack, '1.7', noEnterprise))['enterprise-matching']!.status).toBe('na');
  });

  it('passes a confirm rule once confirmed and a document rule once attached or marked ready', () => {
    const checklist: ChecklistEvidence = {
      confirmations: { 'test-mini/1.7/both-sides-apply': { by: '李四', at: '2024-03-01T10:00:00Z' } },
      documents: {},
    };
    let f = byId(evaluate(pack, '1.7', filled, checklist));
    expect(f['both-sides-apply']).toMatchObject({ status: 'pass', evidence: { source: 'checklist', by: '李四' } });
    expect(f['ip-agreement']!.status).toBe('confirm');

    f = byId(evaluate(pack, '1.7', { ...filled, attachments: [{ kind: 'ipAgreement', name: 'IP.pdf' }] }, noChecklist));
    expect(f['ip-agreement']).toMatchObject({ status: 'pass', evidence: { source: 'attachment' } });

    const ready: ChecklistEvidence = {
      confirmations: {},
      documents: { 'test-mini/1.7/ip-agreement': { ready: true, at: '2024-03-02' } },
    };
    expect(byId(evaluate(pack, '1.7', filled, ready))['ip-agreement']!.status).toBe('pass');
    const notReady: ChecklistEvidence = {
      confirmations: {},
      documents: { 'test-mini/1.7/ip-agreement': { ready: false, at: '2024-03-02' } },
    };
    expect(byId(evaluate(pack, '1.7', filled, notReady))['ip-agreement']!.status).toBe('confirm');
  });

  it('throws a bilingual error for an unknown direction', () => {
    expect(() => evaluate(pack, '9.9', filled)).toThrow(/没有指南方向 "9.9".*no direction "9.9"/);
  });
});

describe('formatFinding', () => {
  const f = byId(evaluate(pack, '1.7', filled));
  it('fills the message of a failed check from the deciding values', () => {
    expect(formatFinding(f['duration-max-2y']!, ruleOf('test-mini/1.7/duration-max-2y'), 'zh')).toBe(
      '执行期 36 个月，本方向要求不超过 24 个月',
    );
    expect(formatFinding(f['duration-max-2y']!, ruleOf('test-mini/1.7/duration-max-2y'), 'en')).toBe(
      'Duration 36 months; this direction allows at most 24',
    );
  });
  it('fills {min} and rounds fractional amounts', () => {
    const team = byId(evaluate(pack, '1.8', Application.parse({ leadUnit: { type: 'university' } })));
    expect(formatFinding(team['enterprise-in-team']!, ruleOf('test-mini/1.8/enterprise-in-team'), 'zh')).toBe(
      '中方团队有 0 家企业，至少需要 1 家',
    );
  });
  it('uses the title when the rule passes or has no message', () => {
    expect(formatFinding(f['pi-named']!, ruleOf('test-mini/*/pi-named'), 'en')).toBe('Name the principal investigator');
    expect(formatFinding(f['enterprise-matching']!, ruleOf('test-mini/1.7/enterprise-matching'), 'zh')).toBe(
      '参与企业配套出资不少于政府资助',
    );
  });
});
