import { evaluators } from '../operators';
import type { Evaluate } from '../operators/kit';
import type { Scope } from '../operators/scope';
import type { Condition, Leaf } from './condition';
import type { ConditionResult, LeafResult } from './result';

/**
 * all / any / not in three-valued logic. A result keeps only the leaves that decided it:
 * the failing leaves of a failed `all`, the passing leaves of a passed `any`, the undecided ones when unknown.
 */
export function evaluateCondition(condition: Condition, scope: Scope): ConditionResult {
  if ('all' in condition)
    return combine(
      condition.all.map((c) => evaluateCondition(c, scope)),
      'fail',
    );
  if ('any' in condition)
    return combine(
      condition.any.map((c) => evaluateCondition(c, scope)),
      'pass',
    );
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, scope);
    const status = inner.status === 'pass' ? 'fail' : inner.status === 'fail' ? 'pass' : 'unknown';
    return { status, deciding: inner.deciding };
  }
  const leaf = evaluateLeaf(condition, scope);
  return { status: leaf.status, deciding: [leaf] };
}

/** `dominant` settles the combination on its own: one fail for `all`, one pass for `any`. */
function combine(results: ConditionResult[], dominant: 'pass' | 'fail'): ConditionResult {
  for (const status of [dominant, 'unknown'] as const) {
    const deciding = results.filter((r) => r.status === status);
    if (deciding.length) return { status, deciding: deciding.flatMap((r) => r.deciding) };
  }
  // Every part has the other status (an empty `all` passes, an empty `any` fails).
  return { status: dominant === 'fail' ? 'pass' : 'fail', deciding: results.flatMap((r) => r.deciding) };
}

function evaluateLeaf(leaf: Leaf, scope: Scope): LeafResult {
  const operator = (evaluators as Record<string, Evaluate<Leaf> | undefined>)[leaf.op];
  // Packs are validated before they reach the engine; this guards a pack that skipped validation.
  if (!operator || !Object.hasOwn(evaluators, leaf.op)) return { op: leaf.op, status: 'unknown', missing: [] };
  return operator(leaf, scope);
}

/** The scope of a whole evaluation context. */
export function rootScope(context: unknown): Scope {
  return { data: context, prefix: '', root: context, evaluate: evaluateCondition };
}
