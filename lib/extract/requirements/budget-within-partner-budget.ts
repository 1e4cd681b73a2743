import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'budget-within-partner-budget',
  examples: {
    match: ['中方单位提交科技部的项目申请中预算不超过地平线2020项目中的中方单位预算。'],
    noMatch: ['每个项目国拨经费不超过300万元。'],
  },
  match: /预算不超过/,
  draft: () => ({
    slug: 'budget-within-partner-budget',
    kind: 'confirm',
    severity: 'error',
    section: 'budget',
    fields: ['budget.central'],
    confidence: 0.7,
    title: t('申请预算不超过外方项目中的中方预算', 'Requested budget within the Chinese share of the partner project'),
    explain: t(
      '提交科技部的项目预算不超过合作项目整体预算中的中方单位预算。',
      'The budget requested from MOST may not exceed the Chinese unit’s budget in the joint project.',
    ),
  }),
};

export default pattern;
