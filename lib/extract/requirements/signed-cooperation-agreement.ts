import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'signed-cooperation-agreement',
  examples: {
    match: ['中方申报单位须提交与波方合作单位签署的合作意向书。', '申报时须附双方盖章的合作协议。'],
    noMatch: ['中方申报单位须提供外方合作单位出具的合作意向书。', '合作双方须签署含知识产权条款的合作协议。'],
  },
  match: /(?:提交|提供|附|上传)[^。,;]{0,20}?(?:签署|签订|签字|盖章)的?(?:合作协议|合作意向书|意向书)/,
  draft: () => ({
    slug: 'signed-cooperation-agreement',
    kind: 'document',
    severity: 'error',
    section: 'attachments',
    confidence: 0.85,
    fields: ['attachments'],
    attachmentKind: 'cooperationAgreement',
    title: t('随申请提交双方签署的合作协议或意向书', 'Signed cooperation agreement or letter of intent attached'),
    explain: t(
      '指南要求随申请提交与合作方签署的合作协议或意向书。',
      'The guideline asks for the agreement or letter of intent signed with the partner to be attached.',
    ),
  }),
};

export default pattern;
