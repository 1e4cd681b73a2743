import type { Application } from '../application/model';
import type { Rule, RulePack } from '../packs/schema';
import { buildContext, derivedFacts, derivedLists } from './context';
import { conditionPaths } from './conditionPaths';
import { evaluateRule, findDirection, sourcedRulesFor } from './evaluate';
import type { Finding } from './finding';
import { pathsOverlap } from './path';
import type { ChecklistEvidence } from '../core/vocabulary';
import { jsonEqual } from '../core/equal';

/**
 * Keeps a direction's findings current while the applicant types: each rule is indexed by the
 * application paths it reads, and `update` re-evaluates only the rules reading a changed path. Within a list it
 * knows the columns each rule reads, so typing a participant's name re-runs only the rules reading names.
 */
export interface IncrementalEvaluator {
  /**
   * Findings for `application` after `changedPaths` changed (every rule when undefined or on the first call).
   * A path into a list's item (`participants.7.name`, or `participants.*.name` for that column of several items)
   * says that value changed while the items stayed the same in number and order; `participants` says anything in
   * the list may have. Confirm and document rules are re-evaluated when `checklist` is a different object than
   * last time.
   */
  update(application: Application, changedPaths?: readonly string[], checklist?: ChecklistEvidence): Finding[];
  /** Rule evaluations run so far, to show (and test) that unrelated changes cost nothing. */
  readonly evaluations: number;
}

interface IndexedRule {
  rule: Rule;
  /** Application paths (derived facts resolved to their sources) the rule depends on as a whole. */
  reads: string[];
  /** Lists whose items (how many, in which order) the rule depends on */
  itemsOf: string[];
  /** Columns of list items the rule reads */
  columns: ListColumn[];
  readsChecklist: boolean;
}

/** `column` (a path inside an item) of the items of the application list `list` */
interface ListColumn {
  list: string;
  column: string;
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
  const lists = new Set(rules.flatMap((r) => [...r.itemsOf, ...r.columns.map((c) => c.list)]));
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
      const changes = changedPaths?.map((path) => columnChange(path, lists) ?? path);
      let same = previous !== undefined;
      const next = rules.map((indexed, i) => {
        const stale =
          !previous ||
          changes === undefined ||
          (checklistChanged && indexed.readsChecklist) ||
          changes.some((change) => dependsOn(indexed, change));
        if (!stale) return previous[i]!;
        evaluations += 1;
        const finding = { ...evaluateRule(indexed.rule, context, checklist), pack: indexed.pack };
        // A verdict that did not change keeps its object: the panel is told (and redraws) only what changed.
        if (previous && jsonEqual(finding, previous[i]!)) return previous[i]!;
        same = false;
        return finding;
      });
      if (!same) findings = next;
      return findings!;
    },
  };
}

/** A change to a column of existing items of a known list (`participants.7.name` → participants / name). */
function columnChange(path: string, lists: ReadonlySet<string>): ListColumn | undefined {
  for (const list of lists) {
    if (!path.startsWith(`${list}.`)) continue;
    const column = /^(?:\d+|\*)\.(.+)$/.exec(path.slice(list.length + 1))?.[1];
    if (column) return { list, column };
  }
  return undefined;
}

function dependsOn(indexed: IndexedRule, change: string | ListColumn): boolean {
  if (typeof change === 'string')
    return (
      indexed.reads.some((read) => pathsOverlap(read, change)) ||
      indexed.itemsOf.some((list) => pathsOverlap(list, change)) ||
      indexed.columns.some((c) => pathsOverlap(c.list, change))
    );
  // The items stayed: only rules reading the list whole, or this column of its items, can see the change.
  return (
    indexed.reads.some((read) => pathsOverlap(read, change.list)) ||
    indexed.columns.some((c) => c.list === change.list && pathsOverlap(c.column, change.column))
  );
}

function indexRule(rule: Rule): IndexedRule {
  const conditions = [rule.when, rule.check].filter((c) => c !== undefined);
  const reads: string[] = rule.kind === 'document' ? ['attachments'] : [];
  const itemsOf: string[] = [];
  const columns: ListColumn[] = [];
  for (const read of conditions.flatMap((c) => conditionPaths(c))) {
    const list = read.within[0] ?? (read.role === 'list' ? read.path : undefined);
    if (list === undefined) {
      reads.push(...sourcesOf(read.path));
      continue;
    }
    const derived = Object.hasOwn(derivedLists, list) ? derivedLists[list] : undefined;
    if (derived) reads.push(...derived.whole);
    else if (Object.keys(derivedFacts).some((fact) => pathsOverlap(fact, list))) {
      reads.push(...sourcesOf(list)); // a list computed some other way: read whole
      continue;
    }
    const items = derived?.items ?? list;
    itemsOf.push(items);
    if (!read.within.length) continue;
    // A list nested in an item is one of the item's columns.
    const column = read.within[1] ?? read.path;
    for (const source of derived?.columns[column] ?? [column]) columns.push({ list: items, column: source });
  }
  return {
    rule,
    reads: [...new Set(reads)],
    itemsOf: [...new Set(itemsOf)],
    columns,
    readsChecklist: rule.kind !== 'check',
  };
}

/** The application paths behind a context path: `units.1.type` → leadUnit, participants. */
function sourcesOf(path: string): string[] {
  for (const [derived, sources] of Object.entries(derivedFacts)) {
    if (pathsOverlap(path, derived)) return path.startsWith('direction.') || path === 'direction' ? [] : [...sources];
  }
  return [path];
}
