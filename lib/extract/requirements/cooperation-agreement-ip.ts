import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'cooperation-agreement-ip',
  examples: {
    match: [
      '合作双方已经签署合作协议或意向书，其中必须包括知识产权专门条款。',
      '合作双方须签署含知识产权条款的合作协议。',
    ],
    noMatch: ['双方须签署知识产权协议。', '合作双方须签署合作协议。'],
  },
  match: /(?:合作协议|意向书)[^。]*知识产权|知识产权[^。]{0,10}(?:合作协议|意向书)/,
  draft: () => ({
    slug: 'cooperation-agreement-ip',
    kind: 'document',
    severity: 'error',
    section: 'attachments',
    confidence: 0.85,
    fields: ['attachments'],
    attachmentKind: 'cooperationAgreement',
    title: t('含知识产权条款的合作协议或意向书', 'Cooperation agreement or letter of intent with an IP clause'),
    explain: t(
      '合作双方须签署合作协议或意向书，其中必须包括知识产权条款。',
      'The partners must sign a cooperation agreement or letter of intent that includes an intellectual-property clause.',
    ),
  }),
};

export default pattern;
