import { z } from 'zod';
import { type Condition, type OperatorName, operatorNames } from '../engine/condition';
import { operatorSchemas } from '../operators/schemas';
import { issue } from '../operators/schemaKit';

/**
 * The zod side of the rule language (leaf shapes and schemas in the operator folders, lib/operators/*). A condition is dispatched on
 * its keys (all / any / not / op) before it is parsed, so an error names the one shape that was meant
 * ("…when.all[0].op: unknown operator") instead of a union of every shape. Every object is strict: a
 * misspelt key is an error, not a silently ignored option.
 */

const Nested = z.lazy(() => ConditionSchema);
const leafSchemas = operatorSchemas({ nested: Nested });

const combinatorSchemas = {
  all: z.strictObject({ all: z.array(Nested).min(1) }),
  any: z.strictObject({ any: z.array(Nested).min(1) }),
  not: z.strictObject({ not: Nested }),
};

function isOperatorName(value: unknown): value is OperatorName {
  return typeof value === 'string' && Object.hasOwn(leafSchemas, value);
}

/** Picks the schema the value means to be, or reports why none fits. */
function shapeOf(value: unknown, ctx: z.RefinementCtx): z.ZodType | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue(
      issue(
        'expected a condition: an object with "all", "any", "not" or "op"',
        '应为条件对象（含 all、any、not 或 op）',
      ),
    );
    return undefined;
  }
  const combinator = (['all', 'any', 'not'] as const).find((key) => key in value);
  if (combinator) return combinatorSchemas[combinator];
  const op = (value as { op?: unknown }).op;
  if (op === undefined) {
    ctx.addIssue(issue('expected "all", "any", "not" or "op"', '缺少 all、any、not 或 op'));
    return undefined;
  }
  if (!isOperatorName(op)) {
    ctx.addIssue(
      issue(`unknown operator ${JSON.stringify(op)}`, `未知运算符，可用：${operatorNames.join('、')}`, ['op']),
    );
    return undefined;
  }
  return leafSchemas[op];
}

export const ConditionSchema: z.ZodType<Condition> = z.custom<Condition>().superRefine((value, ctx) => {
  const schema = shapeOf(value, ctx);
  const result = schema?.safeParse(value);
  if (result && !result.success) for (const nested of result.error.issues) ctx.addIssue(nested as z.core.$ZodRawIssue);
});
