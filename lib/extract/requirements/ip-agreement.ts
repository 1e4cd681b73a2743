import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'ip-agreement',
  examples: {
    match: ['中挪双方合作伙伴须在申请前签署明确的知识产权协议。'],
    noMatch: ['合作双方须签署含知识产权条款的合作协议。'],
  },
  match: /知识产权协议/,
  draft: () => ({
    slug: 'ip-agreement',
    kind: 'document',
    severity: 'error',
    section: 'attachments',
    confidence: 0.85,
    fields: ['attachments'],
    attachmentKind: 'ipAgreement',
    title: t('与合作方签署的知识产权协议', 'IP agreement signed with the partner'),
    explain: t(
      '合作双方须在申请前签署明确的知识产权协议。',
      'Both partners must sign an explicit intellectual-property agreement before applying.',
    ),
  }),
};

export default pattern;
