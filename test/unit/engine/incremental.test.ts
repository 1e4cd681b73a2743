import { describe, expect, it, vi } from 'vitest';
import { Application } from '@/lib/application/model';
import { evaluate, evaluateRule } from '@/lib/engine/evaluate';
import { createIncrementalEvaluator } from '@/lib/engine/incremental';
import { miniPack } from './fixturePack';
import type { ChecklistEvidence } from '@/lib/core/vocabulary';

// The real evaluateRule, watched: which rules an update ran.
vi.mock('@/lib/engine/evaluate', async (original) => {
  const real = await original<typeof import('@/lib/engine/evaluate')>();
  return { ...real, evaluateRule: vi.fn(real.evaluateRule) };
});

const pack = miniPack();
const base = Application.parse({
  project: { startDate: '2020-01-01', endDate: '2021-12-31' },
  leadUnit: { name: '某大学', type: 'university' },
  participants: [{ name: '某公司', type: 'enterprise', governmentFunding: 100, matchingFunds: 150 }],
  pi: { name: '张三' },
  budget: { central: 150 },
});
const statusOf = (findings: { ruleId: string; status: string }[], slug: string) =>
  findings.find((f) => f.ruleId.endsWith(`/${slug}`))!.status;

describe('incremental evaluator', () => {
  it('evaluates every rule first, then only the rules reading a changed path', () => {
    const evaluator = createIncrementalEvaluator(pack, '1.7');
    evaluator.update(base);
    expect(evaluator.evaluations).toBe(8); // 2 built-in input rules + 6 of the pack

    const renamed = { ...base, pi: { ...base.pi, name: '李四' } };
    evaluator.update(renamed, ['pi.name']);
    expect(evaluator.evaluations).toBe(9); // only pi-named

    evaluator.update(renamed, ['project.nameZh']);
    expect(evaluator.evaluations).toBe(9); // nobody reads it
  });

  it.each([
    [['project.endDate'], ['valid-dates', 'end-not-before-start', 'duration-max-2y']],
    [['project'], ['valid-dates', 'end-not-before-start', 'duration-max-2y']],
    [['participants'], ['valid-dates', 'enterprise-matching']],
    // A column of existing items: only the rules reading that column (the date check reads registration dates).
    [['participants.0.type'], ['enterprise-matching']],
    [['participants.*.registeredOn'], ['valid-dates']],
    [['participants.0.name'], []],
    [['leadUnit.type'], ['enterprise-matching']],
    // The lead unit's funds are what the budget's totals leave after the participants' (lib/engine/context.ts).
    [['budget.central'], ['budget-near-funding', 'enterprise-matching']],
    [['attachments'], ['ip-agreement']],
  ])('a change to %j re-runs %j', (changed, expected) => {
    const evaluator = createIncrementalEvaluator(pack, '1.7');
    const checklist: ChecklistEvidence = { confirmations: {}, documents: {} };
    const before = evaluator.update(base, undefined, checklist);
    vi.mocked(evaluateRule).mockClear();
    const after = evaluator.update(base, changed, checklist);
    const rerun = vi.mocked(evaluateRule).mock.calls.map(([rule]) => rule.id.split('/').at(-1));
    expect(rerun).toEqual(expected);
    // Re-run to the same verdicts: the very same findings, so the panel is told nothing changed.
    expect(after).toBe(before);
  });

  it('keeps each unchanged verdict’s object and returns a new list only when a verdict changed', () => {
    const evaluator = createIncrementalEvaluator(pack, '1.7');
    const before = evaluator.update(base);
    const longer = { ...base, project: { ...base.project, endDate: '2022-12-31' } };
    const after = evaluator.update(longer, ['project.endDate']);
    expect(after).not.toBe(before);
    const changed = after.filter((f, i) => f !== before[i]).map((f) => f.ruleId.split('/').at(-1));
    // Each of them shows the end date it read; the other rules' findings are the same objects.
    expect(changed).toEqual(['valid-dates', 'end-not-before-start', 'duration-max-2y']);
    expect(statusOf(after, 'duration-max-2y')).toBe('fail');
  });

  it('returns the same findings as a full evaluation after a change', () => {
    const evaluator = createIncrementalEvaluator(pack, '1.7');
    evaluator.update(base);
    const longer = { ...base, project: { ...base.project, endDate: '2022-12-31' } };
    const findings = evaluator.update(longer, ['project.endDate']);
    expect(statusOf(findings, 'duration-max-2y')).toBe('fail');
    expect(findings).toEqual(evaluate(pack, '1.7', longer));
    const noMatch = { ...longer, participants: [{ ...base.participants[0]!, matchingFunds: 10 }] };
    expect(evaluator.update(noMatch, ['participants.0.matchingFunds'])).toEqual(evaluate(pack, '1.7', noMatch));
  });

  it('re-runs confirm and document rules when the checklist changes', () => {
    const evaluator = createIncrementalEvaluator(pack, '1.7');
    evaluator.update(base, undefined, { confirmations: {}, documents: {} });
    const before = evaluator.evaluations;
    const confirmed: ChecklistEvidence = {
      confirmations: { 'test-mini/1.7/both-sides-apply': { at: '2024-01-01' } },
      documents: {},
    };
    const findings = evaluator.update(base, [], confirmed);
    expect(evaluator.evaluations - before).toBe(2);
    expect(statusOf(findings, 'both-sides-apply')).toBe('pass');
    evaluator.update(base, [], confirmed);
    expect(evaluator.evaluations - before).toBe(2);
  });
});
