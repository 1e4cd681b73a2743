import type { Finding } from './finding';

export type FindingCounts = {
  error: number;
  warning: number;
  info: number;
  confirm: number;
  unknown: number;
  pass: number;
};

/**
 * Findings by verdict: a failed rule by its severity, the others by status (不适用 not counted). A warning the user
 * acknowledged with a reason no longer counts as one.
 */
export function countFindings(findings: Finding[], acknowledged: Record<string, unknown> = {}): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, confirm: 0, unknown: 0, pass: 0 };
  for (const f of findings) {
    if (f.status === 'na') continue;
    if (f.status !== 'fail') counts[f.status]++;
    else if (!(f.severity === 'warning' && acknowledged[f.ruleId])) counts[f.severity]++;
  }
  return counts;
}
