import type { Finding } from '../engine/finding';
import { formatFinding } from '../engine/format';
import type { Rule } from '../packs/schema';
import { valueLabel } from './labels';
import type { Lang } from '../core/vocabulary';

/**
 * The rule's message with the deciding values as the applicant names them ("申报单位类型为 企业", not
 * "enterprise"); the rule's title when it has no message or did not fail.
 */
export function findingMessage(finding: Finding, rule: Rule, lang: Lang): string {
  const detail = finding.detail.map((d) => ({
    ...d,
    actual: valueLabel(d.actual, lang),
    expected: valueLabel(d.expected, lang),
  }));
  return formatFinding({ ...finding, detail }, rule, lang);
}
