import { z } from 'zod';

/**
 * The zod pieces operator schemas share (each operator's own schema is in its folder). Every object is
 * strict: a misspelt key is an error, not a silently ignored option.
 */

/** Issue `params.zh` carries the Chinese half of a custom message (lib/core/issues.ts). */
export function issue(message: string, zh: string, path: (string | number)[] = []) {
  return { code: 'custom' as const, message, params: { zh }, path };
}

export const Path = z
  .string()
  .regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, { error: 'expected a dot path such as "leadUnit.type"' });

export const NumberRef = z.union([z.number(), z.strictObject({ fact: Path, times: z.number().optional() })], {
  error: 'expected a number or { "fact": "<path>", "times"?: number }',
});

export const Count = z.number().int().nonnegative();

/** A literal calendar date, YYYY-MM-DD, that exists (2019-02-30 does not). */
export const IsoDate = z.string().refine(
  (value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
  },
  {
    error: 'expected a real date written YYYY-MM-DD, e.g. "1965-01-01"',
    params: { zh: '应为真实日期，格式 YYYY-MM-DD' },
  },
);

export function needsBound(value: { min?: unknown; max?: unknown }, ctx: z.RefinementCtx) {
  if (value.min === undefined && value.max === undefined)
    ctx.addIssue(issue('needs "min" or "max"', '至少需要 min 或 max'));
}

export function minNotAboveMax(value: { min?: unknown; max?: unknown }, ctx: z.RefinementCtx) {
  if (typeof value.min === 'number' && typeof value.max === 'number' && value.min > value.max) {
    ctx.addIssue(issue(`"min" ${value.min} is above "max" ${value.max}`, 'min 大于 max', ['min']));
  }
}

/** What each operator folder's `schema.ts` receives: `nested` is the whole condition schema, for `where` / `check`. */
export interface SchemaKit {
  nested: z.ZodType;
}

/** An operator folder's schema.ts: one strict schema per operator name it defines. */
export type OperatorSchemas<N extends string> = (kit: SchemaKit) => Record<N, z.ZodType>;
