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

/** A rule with the id of the pack it comes from. */
export interface SourcedRule {
  rule: Rule;
  pack: string;
}

/**
 * The rules that apply to a direction, each with its pack: the built-in input rules (real dates), the
 * guideline's pack-wide rules and the direction's own, then each active layer's: an institution pack's
 * pack-wide rules (通用条件, for every direction of every guideline) and its `extends` for this direction.
 */
export function sourcedRulesFor(pack: RulePack, direction: Direction, layers: readonly RulePack[] = []): SourcedRule[] {
  const from = (id: string, rules: Rule[]) => rules.map((rule) => ({ rule, pack: id }));
  return [
    ...from('input', inputRules),
    ...from(pack.id, [...pack.rules, ...direction.rules]),
    ...layers
      .filter((layer) => layer.id !== pack.id)
      .flatMap((layer) =>
        from(layer.id, [
          ...(layer.directions.length ? [] : layer.rules),
          ...(layer.extends ?? [])
            .filter((e) => e.pack === pack.id)
            .flatMap((e) => e.directions.filter((d) => d.code === direction.code).flatMap((d) => d.rules)),
        ]),
      ),
  ];
}

export function rulesFor(pack: RulePack, direction: Direction, layers: readonly RulePack[] = []): Rule[] {
  return sourcedRulesFor(pack, direction, layers).map((s) => s.rule);
}

/** Every rule of the direction (and the pack) against one application. */
export function evaluate(
  pack: RulePack,
  directionCode: string,
  application: Application,
  checklist?: ChecklistEvidence,
  layers: readonly RulePack[] = [],
): Finding[] {
  const direction = findDirection(pack, directionCode);
  if (!direction) {
    throw new Error(
      `规则包 ${pack.id} 中没有指南方向 "${directionCode}" / Pack ${pack.id} has no direction "${directionCode}"`,
    );
  }
  const context = buildContext(application, direction);
  return sourcedRulesFor(pack, direction, layers).map(({ rule, pack: id }) => ({
    ...evaluateRule(rule, context, checklist),
    pack: id,
  }));
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
