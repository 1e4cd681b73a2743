import type { Finding } from './finding';

export type FindingCounts = { error: number; warning: number; info: number; confirm: number };

/** Failures count by severity, except warnings the user acknowledged with a reason. */
export function countFindings(findings: Finding[], acknowledged: Record<string, unknown> = {}): FindingCounts {
  const counts = { error: 0, warning: 0, info: 0, confirm: 0 };
  for (const f of findings) {
    if (f.status === 'fail' && !(f.severity === 'warning' && acknowledged[f.ruleId])) counts[f.severity]++;
    else if (f.status === 'confirm') counts.confirm++;
  }
  return counts;
}
