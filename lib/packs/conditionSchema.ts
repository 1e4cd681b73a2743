import { z } from 'zod';
import { type Condition, type OperatorName, operatorNames } from '../engine/condition';

/**
 * The zod side of the rule language (types in lib/engine/condition.ts). A condition is dispatched on
 * its keys (all / any / not / op) before it is parsed, so an error names the one shape that was meant
 * ("…when.all[0].op: unknown operator") instead of a union of every shape. Every object is strict: a
 * misspelt key is an error, not a silently ignored option.
 */

/** Issue `params.zh` carries the Chinese half of a custom message (lib/packs/issues.ts). */
function issue(message: string, zh: string, path: (string | number)[] = []) {
  return { code: 'custom' as const, message, params: { zh }, path };
}

const Path = z
  .string()
  .regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, { error: 'expected a dot path such as "leadUnit.type"' });
const NumberRef = z.union([z.number(), z.strictObject({ fact: Path, times: z.number().optional() })], {
  error: 'expected a number or { "fact": "<path>", "times"?: number }',
});
const Count = z.number().int().nonnegative();
const Nested = z.lazy(() => ConditionSchema);

function needsBound(value: { min?: unknown; max?: unknown }, ctx: z.RefinementCtx) {
  if (value.min === undefined && value.max === undefined)
    ctx.addIssue(issue('needs "min" or "max"', '至少需要 min 或 max'));
}

function minNotAboveMax(value: { min?: unknown; max?: unknown }, ctx: z.RefinementCtx) {
  if (typeof value.min === 'number' && typeof value.max === 'number' && value.min > value.max) {
    ctx.addIssue(issue(`"min" ${value.min} is above "max" ${value.max}`, 'min 大于 max', ['min']));
  }
}

const comparison = (op: 'lt' | 'lte' | 'gt' | 'gte') =>
  z.strictObject({ op: z.literal(op), field: Path, value: NumberRef });
const equality = (op: 'eq' | 'ne') =>
  z.strictObject({ op: z.literal(op), field: Path, value: z.union([z.string(), z.number(), z.boolean()]) });

const leafSchemas: Record<OperatorName, z.ZodType> = {
  exists: z.strictObject({ op: z.literal('exists'), field: Path }),
  eq: equality('eq'),
  ne: equality('ne'),
  lt: comparison('lt'),
  lte: comparison('lte'),
  gt: comparison('gt'),
  gte: comparison('gte'),
  between: z
    .strictObject({ op: z.literal('between'), field: Path, min: NumberRef, max: NumberRef })
    .superRefine(minNotAboveMax),
  in: z.strictObject({ op: z.literal('in'), field: Path, values: z.array(z.union([z.string(), z.number()])).min(1) }),
  equalsNormalized: z
    .strictObject({
      op: z.literal('equalsNormalized'),
      field: Path,
      value: z.string().optional(),
      otherField: Path.optional(),
    })
    .superRefine((value, ctx) => {
      if ((value.value === undefined) === (value.otherField === undefined)) {
        ctx.addIssue(issue('needs exactly one of "value" or "otherField"', 'value 与 otherField 须且只能有一个'));
      }
    }),
  monthsBetween: z
    .strictObject({
      op: z.literal('monthsBetween'),
      from: Path,
      to: Path,
      min: Count.optional(),
      max: Count.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
  count: z
    .strictObject({
      op: z.literal('count'),
      list: Path,
      where: Nested.optional(),
      min: Count.optional(),
      max: Count.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
  countDistinct: z
    .strictObject({
      op: z.literal('countDistinct'),
      list: Path,
      of: Path,
      where: Nested.optional(),
      min: Count.optional(),
      max: Count.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
  sum: z
    .strictObject({
      op: z.literal('sum'),
      list: Path,
      of: Path,
      where: Nested.optional(),
      min: NumberRef.optional(),
      max: NumberRef.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
  every: z.strictObject({ op: z.literal('every'), list: Path, where: Nested.optional(), check: Nested }),
  compareFields: z.strictObject({
    op: z.literal('compareFields'),
    field: Path,
    cmp: z.enum(['lt', 'lte', 'gt', 'gte', 'eq']),
    otherField: Path,
  }),
  contains: z.strictObject({ op: z.literal('contains'), field: Path, value: z.string().min(1) }),
};

const combinatorSchemas = {
  all: z.strictObject({ all: z.array(Nested).min(1) }),
  any: z.strictObject({ any: z.array(Nested).min(1) }),
  not: z.strictObject({ not: Nested }),
};

function isOperatorName(value: unknown): value is OperatorName {
  return (operatorNames as readonly unknown[]).includes(value);
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
