/**
 * The words operators and the engine share, declared on the operators' side so that the operator folders import
 * nothing of the engine's registry (lib/engine/condition.ts builds `Condition` from the folders; no import cycle).
 */

/** A number, or another fact scaled by a factor (e.g. 1.5 × direction.fundingPerProject). */
export type NumberRef = number | { fact: string; times?: number };

/**
 * The engine's condition type, registered by lib/engine/condition.ts (`declare module` augmentation): the operators
 * name it without importing the engine, which builds it from their folders.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by lib/engine/condition.ts
export interface ConditionRegistry {}

/**
 * A condition as an operator holds a nested one (`every`'s check, `count`'s where): handed back to the engine through
 * `scope.evaluate`. It is lib/engine/condition.ts `Condition`.
 */
export type NestedCondition = ConditionRegistry extends { condition: infer C } ? C : never;

/** Three-valued outcome: a half-filled form is the normal case, so "cannot tell" is not "fail". */
export type ConditionStatus = 'pass' | 'fail' | 'unknown';

/** What one operator concluded and why: the values it compared and the paths it found empty. */
export interface LeafResult {
  /** The operator's name (lib/engine/condition.ts OperatorName) */
  op: string;
  status: ConditionStatus;
  /** Absolute context path the leaf read (for list items, e.g. "units.2.type"). */
  path?: string;
  actual?: unknown;
  expected?: unknown;
  min?: number;
  max?: number;
  /** Absolute paths that were empty and made the result unknown. */
  missing?: string[];
  /** For list operators: the item results behind the verdict (the failing items of `every`, …). */
  because?: LeafResult[];
}

/** A condition's status plus the leaves that decided it (all failing leaves of a failed `all`, …). */
export interface ConditionResult {
  status: ConditionStatus;
  deciding: LeafResult[];
}
