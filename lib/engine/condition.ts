/**
 * The rule language: plain data, `all` / `any` / `not` over a fixed registry of operators.
 * No code and no expressions: a pack can only name operators listed in `operatorNames`.
 *
 * Paths are dot paths into the evaluation context (see lib/engine/context.ts):
 *   the application model (project.startDate, leadUnit.type, participants, budget.central …),
 *   derived facts (project.durationMonths, units = [leadUnit, ...participants]),
 *   and the direction's facts (direction.totalBudget, direction.plannedProjects, direction.fundingPerProject).
 * Inside `where` / `check` of a list operator, paths are relative to the list item.
 */

/** A number, or another fact scaled by a factor (e.g. 1.5 × direction.fundingPerProject). */
export type NumberRef = number | { fact: string; times?: number };

export type Leaf =
  | { op: 'exists'; field: string }
  | { op: 'eq' | 'ne'; field: string; value: string | number | boolean }
  | { op: 'lt' | 'lte' | 'gt' | 'gte'; field: string; value: NumberRef }
  | { op: 'between'; field: string; min: NumberRef; max: NumberRef }
  | { op: 'in'; field: string; values: (string | number)[] }
  /** Equality after normalising (NFKC, trim, collapse spaces, case-insensitive), with a literal or another field. */
  | { op: 'equalsNormalized'; field: string; value?: string; otherField?: string }
  /** Whole months from `from` to `to` (two date fields) lie within [min, max]. */
  | { op: 'monthsBetween'; from: string; to: string; min?: number; max?: number }
  /** Number of items of `list` matching `where` lies within [min, max]. */
  | { op: 'count'; list: string; where?: Condition; min?: number; max?: number }
  /** Number of distinct normalised values of `of` among items matching `where` lies within [min, max]. */
  | { op: 'countDistinct'; list: string; of: string; where?: Condition; min?: number; max?: number }
  /** Sum of `of` over items matching `where` lies within [min, max]. */
  | { op: 'sum'; list: string; of: string; where?: Condition; min?: NumberRef; max?: NumberRef }
  /** Every item of `list` matching `where` satisfies `check`. */
  | { op: 'every'; list: string; where?: Condition; check: Condition }
  /** Two numeric fields compared (e.g. matchingFunds gte governmentFunding). */
  | { op: 'compareFields'; field: string; cmp: 'lt' | 'lte' | 'gt' | 'gte' | 'eq'; otherField: string }
  /** The list field (array of strings) contains `value` after normalising. */
  | { op: 'contains'; field: string; value: string };

export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const operatorNames = [
  'exists',
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'equalsNormalized',
  'monthsBetween',
  'count',
  'countDistinct',
  'sum',
  'every',
  'compareFields',
  'contains',
] as const satisfies readonly Leaf['op'][];

export type OperatorName = (typeof operatorNames)[number];
