import type { Direction, Rule, RulePack } from '../packs/schema';
import type { Finding } from './finding';
import { formatFinding } from './format';
import { rulesFor } from './evaluate';
import {
  type FindingStatus,
  type Lang,
  severities,
  severityLabels,
  statusesByUrgency,
  statusLabels,
} from '../core/vocabulary';

const labels = {
  zh: {
    quote: '指南原文',
    missing: '需填写',
    summary: (n: Record<FindingStatus, number>) =>
      `共 ${total(n)} 条：${statusesByUrgency.map((s) => `${statusLabels[s].zh} ${n[s]}`).join('，')}`,
  },
  en: {
    quote: 'Guideline',
    missing: 'Fill in',
    summary: (n: Record<FindingStatus, number>) =>
      `${total(n)} rules: ${statusesByUrgency.map((s) => `${n[s]} ${statusLabels[s].en.toLowerCase()}`).join(', ')}`,
  },
} as const;

function total(counts: Record<FindingStatus, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Exit status of a check: an error-severity rule that fails blocks formal review. */
export function hasBlockingFailure(findings: Finding[]): boolean {
  return findings.some((f) => f.status === 'fail' && f.severity === 'error');
}

function ruleIndex(pack: RulePack, direction: Direction, layers: readonly RulePack[]): Map<string, Rule> {
  return new Map(rulesFor(pack, direction, layers).map((r) => [r.id, r]));
}

/** Plain-text report, grouped by status then severity, each finding with its guideline quote. */
export function renderReport(
  pack: RulePack,
  direction: Direction,
  findings: Finding[],
  lang: Lang,
  layers: readonly RulePack[] = [],
): string {
  const l = labels[lang];
  const rules = ruleIndex(pack, direction, layers);
  const titles = new Map([pack, ...layers].map((p) => [p.id, p.title[lang]]));
  const counts = Object.fromEntries(
    statusesByUrgency.map((s) => [s, findings.filter((f) => f.status === s).length]),
  ) as Record<FindingStatus, number>;
  const lines = [
    `${pack.title[lang]} v${pack.version} — ${direction.code} ${direction.title[lang]}`,
    l.summary(counts),
  ];
  for (const status of statusesByUrgency) {
    const group = findings.filter((f) => f.status === status);
    if (!group.length) continue;
    lines.push('', `## ${statusLabels[status][lang]} (${group.length})`);
    for (const severity of severities) {
      for (const finding of group.filter((f) => f.severity === severity)) {
        const rule = rules.get(finding.ruleId)!;
        // A rule from an institution's layer names its pack, so the applicant knows whose requirement it is.
        const source =
          finding.pack && finding.pack !== pack.id && titles.has(finding.pack) ? `; ${titles.get(finding.pack)}` : '';
        lines.push(
          `- [${severityLabels[severity][lang]}] ${formatFinding(finding, rule, lang)}  (${rule.id}${source})`,
        );
        if (status === 'fail' || status === 'unknown' || status === 'confirm')
          lines.push(`    ${l.quote}：“${rule.quote}”`);
        if (finding.missing.length && status !== 'pass') lines.push(`    ${l.missing}：${finding.missing.join(', ')}`);
      }
    }
  }
  return lines.join('\n');
}

/** Machine output of `npm run check -- --json`. */
export function reportJson(
  pack: RulePack,
  direction: Direction,
  findings: Finding[],
  lang: Lang,
  layers: readonly RulePack[] = [],
) {
  const rules = ruleIndex(pack, direction, layers);
  return {
    pack: { id: pack.id, version: pack.version },
    layers: layers.map((l) => ({ id: l.id, version: l.version })),
    direction: direction.code,
    blocking: hasBlockingFailure(findings),
    findings: findings.map((f) => {
      const rule = rules.get(f.ruleId)!;
      return { ...f, message: formatFinding(f, rule, lang), quote: rule.quote };
    }),
  };
}
