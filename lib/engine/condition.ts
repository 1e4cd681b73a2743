/**
 * The rule language: plain data, `all` / `any` / `not` over a fixed registry of operators.
 * No code and no expressions: a pack can only name operators listed in `operatorNames`; each
 * operator is one folder of lib/operators (its leaf shape is declared in its evaluate.ts).
 *
 * Paths are dot paths into the evaluation context (see lib/engine/context.ts):
 *   the application model (project.startDate, leadUnit.type, participants, budget.central …),
 *   derived facts (project.durationMonths, units = [leadUnit, ...participants]),
 *   and the direction's facts (direction.totalBudget, direction.plannedProjects, direction.fundingPerProject).
 * Inside `where` / `check` of a list operator, paths are relative to the list item.
 */
import { evaluators } from '../operators';

export type { NumberRef } from '../operators/language';

type Evaluators = typeof evaluators;

export type OperatorName = keyof Evaluators;

/** One leaf of any operator: the union of the shapes the operator folders declare. */
export type Leaf = { [N in OperatorName]: Parameters<Evaluators[N]>[0] }[OperatorName];

export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const operatorNames = Object.keys(evaluators) as OperatorName[];

// The operators' nested conditions are this Condition (lib/operators/language.ts), with no import back to here.
declare module '../operators/language' {
  interface ConditionRegistry {
    condition: Condition;
  }
}
