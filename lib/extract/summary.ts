import type { RulePack } from '../packs/schema';
import { needsReview, reviewCounts } from './review';
import type { ExtractReview } from './review';

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The report printed after extraction: what was found and what a person must look at. */
export function formatSummary(pack: RulePack, review: ExtractReview): string {
  const rules = [...pack.rules, ...pack.directions.flatMap((d) => d.rules)];
  const counts = reviewCounts(review);
  const byKind = new Map<string, number>();
  for (const r of rules) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  const low = needsReview(review);
  const lines = [
    `方向 Directions found: ${pack.directions.length} (${pack.directions.map((d) => d.code).join(' ')})`,
    `规则 Rules by kind: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'} (total ${rules.length})`,
    `全指南规则 Pack-wide rules (from the general part): ${pack.rules.length}`,
    `联系人 Contacts: ${pack.directions.reduce((n, d) => n + d.contacts.length, 0)}`,
    `要求句 Requirement sentences: ${counts.sentences} (编码 encoded ${counts.encoded}, 列出待复核 listed ${counts.listed})`,
    `置信度 Items by confidence: ≥0.8 ${counts.confidence.high}, 0.5–0.8 ${counts.confidence.medium}, <0.5 ${counts.confidence.low}`,
    `需复核 Items needing review: ${low.length + review.unmapped.length} (${low.length} low-confidence items, ${review.unmapped.length} unmapped sentences)`,
  ];
  const { batch } = review;
  const batchParts = [
    batch.directionCount && `directions ${batch.directionCount.text}`,
    batch.plannedProjects && `planned projects ${batch.plannedProjects.text}`,
    batch.totalBudget && `budget ${batch.totalBudget.text} = ${batch.totalBudget.amount} 万元`,
    batch.durationText && `duration ${batch.durationText}`,
  ].filter(Boolean);
  if (batchParts.length) lines.push(`批次 Batch-level facts (not a direction's): ${batchParts.join('; ')}`);
  if (low.length) {
    lines.push('', '低置信度 Low-confidence items:');
    for (const item of low)
      lines.push(
        `  [${item.confidence.toFixed(2)}] ${item.path}: ${clip(item.what)}${item.note ? ` — ${item.note}` : ''}`,
      );
  }
  if (review.unmapped.length) {
    lines.push('', '未编码的句子 Sentences and clauses that produced no rule (a person decides):');
    for (const u of review.unmapped)
      lines.push(`  ${u.direction} (${u.reason}) ${clip(u.sentence)}${u.note ? ` — ${u.note}` : ''}`);
  }
  if (review.notes.length) {
    lines.push('', '说明 Notes:');
    for (const note of review.notes) lines.push(`  - ${note}`);
  }
  return lines.join('\n');
}
