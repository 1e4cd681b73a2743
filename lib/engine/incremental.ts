import type { Application } from '../application/model';
import type { Rule, RulePack } from '../packs/schema';
import { buildContext, derivedFacts } from './context';
import { conditionPaths } from './conditionPaths';
import { evaluateRule, findDirection, sourcedRulesFor } from './evaluate';
import type { Finding } from './finding';
import { pathsOverlap } from './path';
import type { ChecklistEvidence } from '../core/vocabulary';

/**
 * Keeps a direction's findings current while the applicant types: each rule is indexed by the
 * application paths it reads, and `update` re-evaluates only the rules reading a changed path.
 */
export interface IncrementalEvaluator {
  /**
   * Findings for `application` after `changedPaths` changed (every rule when undefined or on the first call).
   * Confirm and document rules are re-evaluated when `checklist` is a different object than last time.
   */
  update(application: Application, changedPaths?: readonly string[], checklist?: ChecklistEvidence): Finding[];
  /** Rule evaluations run so far, to show (and test) that unrelated changes cost nothing. */
  readonly evaluations: number;
}

interface IndexedRule {
  rule: Rule;
  /** Application paths (derived facts resolved to their sources) the rule depends on. */
  reads: string[];
  readsChecklist: boolean;
}

export function createIncrementalEvaluator(
  pack: RulePack,
  directionCode: string,
  layers: readonly RulePack[] = [],
): IncrementalEvaluator {
  const direction = findDirection(pack, directionCode);
  if (!direction)
    throw new Error(
      `规则包 ${pack.id} 中没有指南方向 "${directionCode}" / Pack ${pack.id} has no direction "${directionCode}"`,
    );
  const rules = sourcedRulesFor(pack, direction, layers).map(({ rule, pack: id }) => ({
    ...indexRule(rule),
    pack: id,
  }));
  let findings: Finding[] | undefined;
  let lastChecklist: ChecklistEvidence | undefined;
  let evaluations = 0;

  return {
    get evaluations() {
      return evaluations;
    },
    update(application, changedPaths, checklist) {
      const context = buildContext(application, direction);
      const checklistChanged = checklist !== lastChecklist;
      lastChecklist = checklist;
      const previous = findings;
      let same = previous !== undefined;
      const next = rules.map((indexed, i) => {
        const stale =
          !previous ||
          changedPaths === undefined ||
          (checklistChanged && indexed.readsChecklist) ||
          indexed.reads.some((read) => changedPaths.some((changed) => pathsOverlap(read, changed)));
        if (!stale) return previous[i]!;
        evaluations += 1;
        const finding = { ...evaluateRule(indexed.rule, context, checklist), pack: indexed.pack };
        // A verdict that did not change keeps its object: the panel is told (and redraws) only what changed.
        if (previous && sameFinding(finding, previous[i]!)) return previous[i]!;
        same = false;
        return finding;
      });
      if (!same) findings = next;
      return findings!;
    },
  };
}

/** Findings are plain data (strings, numbers, arrays and objects of them), equal when their JSON is. */
function sameFinding(a: Finding, b: Finding): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function indexRule(rule: Rule): IndexedRule {
  const conditions = [rule.when, rule.check].filter((c) => c !== undefined);
  // A path inside a list item depends on the whole list; the list path covers it by prefix.
  const paths = conditions.flatMap((c) => conditionPaths(c)).map((read) => read.within[0] ?? read.path);
  if (rule.kind === 'document') paths.push('attachments');
  return { rule, reads: [...new Set(paths.flatMap(sourcesOf))], readsChecklist: rule.kind !== 'check' };
}

/** The application paths behind a context path: `units.1.type` → leadUnit, participants. */
function sourcesOf(path: string): string[] {
  for (const [derived, sources] of Object.entries(derivedFacts)) {
    if (pathsOverlap(path, derived)) return path.startsWith('direction.') || path === 'direction' ? [] : [...sources];
  }
  return [path];
}
