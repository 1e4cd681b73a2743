import { formatIssues } from '../core/issues';
import { Application } from './model';

export type ParseApplicationResult = { ok: true; application: Application } | { ok: false; errors: string[] };

/** Validates application JSON (a file, an import): each error reads `path: why（说明）`. */
export function parseApplication(json: unknown): ParseApplicationResult {
  const parsed = Application.safeParse(json);
  return parsed.success ? { ok: true, application: parsed.data } : { ok: false, errors: formatIssues(parsed.error) };
}
