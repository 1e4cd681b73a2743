import type { OperatorName } from './condition';

/** Three-valued outcome: a half-filled form is the normal case, so "cannot tell" is not "fail". */
export type ConditionStatus = 'pass' | 'fail' | 'unknown';

/** What one operator concluded and why: the values it compared and the paths it found empty. */
export interface LeafResult {
  op: OperatorName;
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
