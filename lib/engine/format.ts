import type { Lang } from '../core/vocabulary';
import type { Rule } from '../packs/schema';
import { chineseLabels } from '../application/vocabulary';
import { describeMonths } from './dates';
import type { Finding } from './finding';
import type { LeafResult } from './result';

/**
 * The sentence the applicant reads: for a failed check, the rule's message with {actual}, {expected},
 * {min}, {max}, {path} filled from the first deciding leaf ("执行期 36 个月，本方向要求不超过 24 个月");
 * otherwise, or without a message, the rule's title.
 */
export function formatFinding(finding: Finding, rule: Rule, lang: Lang): string {
  const template = rule.message?.[lang];
  if (finding.status !== 'fail' || !template) return rule.title[lang];
  // A message naming {path} speaks of the innermost field that decided (a participant's date, not the list).
  let leaf: LeafResult | undefined = finding.detail[0];
  while (template.includes('{path}') && leaf?.because?.length) leaf = leaf.because[0];
  const values: Record<string, unknown> = {
    actual: isMonthSpan(leaf) && typeof leaf?.actual === 'number' ? describeMonths(leaf.actual, lang) : leaf?.actual,
    expected: leaf?.expected,
    min: leaf?.min,
    max: leaf?.max,
    path: leaf?.path,
  };
  return template.replace(/\{(actual|expected|min|max|path)\}/g, (_, key: string) => formatValue(values[key], lang));
}

/** Durations are day-precise month counts (lib/engine/dates.ts), read back as "36 个月 30 天". */
function isMonthSpan(leaf: LeafResult | undefined): boolean {
  return leaf?.op === 'monthsBetween' || leaf?.path === 'project.durationMonths';
}

export function formatValue(value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '?';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  if (Array.isArray(value)) return value.map((v) => formatValue(v, lang)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') return JSON.stringify(value);
  // Vocabulary values read as the form shows them: "enterprise" → 企业.
  if (lang === 'zh' && typeof value === 'string' && Object.hasOwn(chineseLabels, value)) return chineseLabels[value]!;
  return String(value);
}
