import type { NestedCondition, NumberRef } from './language';
import { getPath, isEmpty, joinPath } from '../engine/path';
import type { ConditionResult, ConditionStatus, LeafResult } from './language';

/** Where a leaf is evaluated: the whole context, or one list item inside `where` / `check`. */
export interface Scope {
  /** Data the leaf's paths are relative to. */
  data: unknown;
  /** Absolute path of `data`: "" for the context, "units.2" for an item. */
  prefix: string;
  /** The whole context: `fact` references always resolve here, even inside a list item. */
  root: unknown;
  /** Evaluates a nested condition; passed in so operators need not import the evaluator (no cycle). */
  evaluate(condition: NestedCondition, scope: Scope): ConditionResult;
}

export interface Read {
  value: unknown;
  path: string;
  empty: boolean;
}

export function read(scope: Scope, path: string): Read {
  const value = getPath(scope.data, path);
  return { value, path: joinPath(scope.prefix, path), empty: isEmpty(value) };
}

/** Numbers as typed into a form may arrive as strings ("36"); anything else is not a number. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export interface ResolvedNumber {
  value?: number;
  /** The fact path, when the reference could not be resolved. */
  missing?: string;
}

export function resolveNumber(ref: NumberRef, scope: Scope): ResolvedNumber {
  if (typeof ref === 'number') return { value: ref };
  const value = toNumber(getPath(scope.root, ref.fact));
  if (value === undefined) return { missing: ref.fact };
  return { value: value * (ref.times ?? 1) };
}

export function withinBounds(n: number, min?: number, max?: number): boolean {
  return (min === undefined || n >= min) && (max === undefined || n <= max);
}

/**
 * A count known to lie in [sure, sure + unsure] against [min, max]: pass or fail only when every
 * possible value agrees, otherwise unknown.
 */
export function boundedCountStatus(sure: number, unsure: number, min?: number, max?: number): ConditionStatus {
  const low = withinBounds(sure, min, max);
  const high = withinBounds(sure + unsure, min, max);
  if (low && high) return 'pass';
  const belowEvenAtBest = min !== undefined && sure + unsure < min;
  const aboveEvenAtLeast = max !== undefined && sure > max;
  if (belowEvenAtBest || aboveEvenAtLeast) return 'fail';
  return 'unknown';
}

export function unknownResult(
  op: string,
  path: string | undefined,
  missing: string[],
  extra: Partial<LeafResult> = {},
): LeafResult {
  return { op, status: 'unknown', ...(path ? { path } : {}), missing, ...extra };
}

/** "≤ 24", "2–3", for a result's `expected`. */
export function describeBounds(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return min === max ? `${min}` : `${min}–${max}`;
  if (max !== undefined) return `≤ ${max}`;
  if (min !== undefined) return `≥ ${min}`;
  return 'any';
}
