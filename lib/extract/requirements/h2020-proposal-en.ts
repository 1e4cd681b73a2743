import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'h2020-proposal-en',
  examples: {
    match: ['中方单位须提交其参与地平线2020计划项目申请书的英文版。'],
    noMatch: ['中方单位须提交申请书。'],
  },
  match: /申请书的?英文版/,
  draft: () => ({
    slug: 'h2020-proposal-en',
    kind: 'document',
    severity: 'error',
    section: 'attachments',
    fields: ['attachments'],
    confidence: 0.85,
    attachmentKind: 'h2020ProposalEn',
    title: t('地平线2020项目申请书英文版', 'Horizon 2020 proposal in English'),
    explain: t(
      '中方单位须提交其参与地平线2020计划项目申请书的英文版。',
      'The Chinese unit must attach the English Horizon 2020 proposal it takes part in.',
    ),
  }),
};

export default pattern;
