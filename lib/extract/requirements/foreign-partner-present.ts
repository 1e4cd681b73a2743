import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'foreign-partner-present',
  examples: {
    match: ['项目团队必须至少包括一个中国和一个挪威合作伙伴。'],
    noMatch: ['项目团队须有外方专家。'],
  },
  match: /至少包括一个[^。]*合作伙伴/,
  draft: () => ({
    slug: 'foreign-partner-present',
    kind: 'check',
    severity: 'error',
    section: 'foreignPartner',
    fields: ['foreignPartners'],
    confidence: 0.75,
    title: t('至少有一个外方合作伙伴', 'At least one foreign partner'),
    explain: t(
      '项目团队必须至少包括一个中方和一个外方合作伙伴。',
      'The team must include at least one Chinese and one foreign partner.',
    ),
    message: t('尚未填写外方合作伙伴。', 'No foreign partner entered.'),
    check: { op: 'count', list: 'foreignPartners', min: 1 },
  }),
};

export default pattern;
