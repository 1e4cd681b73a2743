import type { Application } from '../application/model';
import type { Direction, Rule, RulePack } from '../packs/schema';
import { buildContext, type EvaluationContext } from './context';
import { evaluateCondition, rootScope } from './evaluateCondition';
import type { Finding } from './finding';
import { inputRules } from './inputRules';
import type { ConditionResult, LeafResult } from './result';
import type { ChecklistEvidence } from '../core/vocabulary';

export function findDirection(pack: RulePack, code: string): Direction | undefined {
  return pack.directions.find((d) => d.code === code);
}

/** The rules that apply to a direction: the built-in input rules (real dates), the pack-wide rules, then the direction's own. */
export function rulesFor(pack: RulePack, direction: Direction): Rule[] {
  return [...inputRules, ...pack.rules, ...direction.rules];
}

/** Every rule of the direction (and the pack) against one application. */
export function evaluate(
  pack: RulePack,
  directionCode: string,
  application: Application,
  checklist?: ChecklistEvidence,
): Finding[] {
  const direction = findDirection(pack, directionCode);
  if (!direction) {
    throw new Error(
      `规则包 ${pack.id} 中没有指南方向 "${directionCode}" / Pack ${pack.id} has no direction "${directionCode}"`,
    );
  }
  const context = buildContext(application, direction);
  return rulesFor(pack, direction).map((rule) => evaluateRule(rule, context, checklist));
}

export function evaluateRule(rule: Rule, context: EvaluationContext, checklist?: ChecklistEvidence): Finding {
  const base = {
    ruleId: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    section: rule.section,
    fields: rule.fields,
  };
  const scope = rootScope(context);
  const when = rule.when ? evaluateCondition(rule.when, scope) : undefined;
  if (when?.status === 'fail') return { ...base, status: 'na', detail: when.deciding, missing: [] };
  if (when?.status === 'unknown')
    return { ...base, status: 'unknown', detail: when.deciding, missing: missingOf(when) };

  if (rule.kind === 'check') {
    // A check without a condition is rejected by pack validation; unvalidated input stays undecided.
    if (!rule.check) return { ...base, status: 'unknown', detail: [], missing: [] };
    const result = evaluateCondition(rule.check, scope);
    const missing = missingOf(result);
    if (result.status === 'unknown' && rule.confirmWhenUnknown) {
      const confirmation = checklist?.confirmations[rule.id];
      if (confirmation)
        return {
          ...base,
          status: 'pass',
          detail: result.deciding,
          missing,
          evidence: { source: 'checklist', ...confirmation },
        };
      return { ...base, status: 'confirm', detail: result.deciding, missing };
    }
    return { ...base, status: result.status, detail: result.deciding, missing };
  }
  if (rule.kind === 'confirm') {
    const confirmation = checklist?.confirmations[rule.id];
    if (!confirmation) return { ...base, status: 'confirm', detail: [], missing: [] };
    return { ...base, status: 'pass', detail: [], missing: [], evidence: { source: 'checklist', ...confirmation } };
  }
  const attached = context.attachments.find((a) => a.kind === rule.attachmentKind);
  if (attached)
    return {
      ...base,
      status: 'pass',
      detail: [],
      missing: [],
      evidence: { source: 'attachment', ...(attached.name ? { note: attached.name } : {}) },
    };
  const checklistEntry = checklist?.documents[rule.id];
  if (checklistEntry?.ready)
    return {
      ...base,
      status: 'pass',
      detail: [],
      missing: [],
      evidence: { source: 'checklist', at: checklistEntry.at },
    };
  return { ...base, status: 'confirm', detail: [], missing: [] };
}

function missingOf(result: ConditionResult): string[] {
  const paths = new Set<string>();
  collectMissing(result.deciding, paths);
  return [...paths];
}

function collectMissing(leaves: LeafResult[], into: Set<string>): void {
  for (const leaf of leaves) {
    for (const path of leaf.missing ?? []) into.add(path);
    if (leaf.because) collectMissing(leaf.because, into);
  }
}
