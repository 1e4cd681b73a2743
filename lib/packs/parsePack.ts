import { packConventionErrors } from './conventions';
import { formatIssues, unknownKeyPaths } from '../core/issues';
import { RulePack } from './schema';

export type ParsePackResult =
  | { ok: true; pack: RulePack }
  | {
      ok: false;
      errors: string[];
      /** Paths of keys the format does not have (`directions[0].rules[2].wehn`): a misspelling, never ignored */
      unknownKeys: string[];
    };

/**
 * Validates a rule pack (schema, then conventions) and returns it only when all is well: a pack
 * with any error loads nothing. Each error reads `directions[3].rules[2].when.all[0].op: unknown operator "regexp"（…）`.
 */
export function parsePack(json: unknown): ParsePackResult {
  const parsed = RulePack.safeParse(json);
  if (!parsed.success)
    return { ok: false, errors: formatIssues(parsed.error), unknownKeys: unknownKeyPaths(parsed.error.issues) };
  const errors = packConventionErrors(parsed.data);
  return errors.length ? { ok: false, errors, unknownKeys: [] } : { ok: true, pack: parsed.data };
}
