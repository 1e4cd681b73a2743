import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'h2020-budget-zh',
  examples: {
    match: ['以及其中项目预算及中方单位参与研究内容的中文翻译。'],
    noMatch: ['外文术语须给出中文。'],
  },
  match: /中文翻译/,
  draft: () => ({
    slug: 'h2020-budget-zh',
    kind: 'document',
    severity: 'error',
    section: 'attachments',
    fields: ['attachments'],
    confidence: 0.8,
    attachmentKind: 'h2020BudgetZh',
    title: t('项目预算及中方研究内容的中文翻译', 'Chinese translation of the budget and the Chinese part of the work'),
    explain: t(
      '须提交地平线2020申请书中项目预算及中方单位参与研究内容的中文翻译。',
      'Attach a Chinese translation of the proposal’s budget and of the Chinese unit’s part of the work.',
    ),
  }),
};

export default pattern;
