import type { Direction, Rule, RulePack } from '../packs/schema';
import type { Finding } from './finding';
import { formatFinding } from './format';
import { rulesFor } from './evaluate';
import { type Lang, severities, type Verdict, verdictLabels, verdictOf, verdictOrder } from '../core/vocabulary';
import { fieldLabel } from '../i18n/labels';

/** The report speaks the panel's words: findings by verdict (错误 / 警告 / 信息不全 / 待确认 / 提示 / 已通过 / 不适用). */
const labels = {
  zh: {
    quote: '指南原文',
    missing: '需填写',
    summary: (n: Record<Verdict, number>, total: number) =>
      `共 ${total} 条：${verdictOrder.map((v) => `${verdictLabels[v].zh} ${n[v]}`).join('，')}`,
  },
  en: {
    quote: 'Guideline',
    missing: 'Fill in',
    summary: (n: Record<Verdict, number>, total: number) =>
      `${total} rules: ${verdictOrder.map((v) => `${n[v]} ${verdictLabels[v].en.toLowerCase()}`).join(', ')}`,
  },
} as const;

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
  const verdictOfFinding = (f: Finding) => verdictOf(f.status, f.severity);
  const counts = Object.fromEntries(
    verdictOrder.map((v) => [v, findings.filter((f) => verdictOfFinding(f) === v).length]),
  ) as Record<Verdict, number>;
  const lines = [
    `${pack.title[lang]} v${pack.version} — ${direction.code} ${direction.title[lang]}`,
    l.summary(counts, findings.length),
  ];
  for (const verdict of verdictOrder) {
    const group = findings
      .filter((f) => verdictOfFinding(f) === verdict)
      .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity));
    if (!group.length) continue;
    lines.push('', `## ${verdictLabels[verdict][lang]} (${group.length})`);
    for (const finding of group) {
      const rule = rules.get(finding.ruleId)!;
      // Named by its title, never its id; a failure adds what was found. A rule from an institution's layer names
      // its pack, so the applicant knows whose requirement it is.
      const title = rule.title[lang];
      const message = formatFinding(finding, rule, lang);
      const source =
        finding.pack && finding.pack !== pack.id && titles.has(finding.pack)
          ? lang === 'zh'
            ? `（${titles.get(finding.pack)}）`
            : ` (${titles.get(finding.pack)})`
          : '';
      lines.push(`- ${title}${message === title ? '' : `${lang === 'zh' ? '：' : ': '}${message}`}${source}`);
      if (finding.status === 'fail' || finding.status === 'unknown' || finding.status === 'confirm')
        lines.push(`    ${l.quote}：“${rule.quote}”`);
      if (finding.missing.length && finding.status !== 'pass')
        lines.push(
          `    ${l.missing}：${finding.missing.map((path) => fieldLabel(path, lang)).join(lang === 'zh' ? '、' : ', ')}`,
        );
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
