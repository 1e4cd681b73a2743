import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'prior-cooperation',
  examples: {
    match: ['项目申报单位应就该项目已经与合作伙伴有了一定的合作基础。'],
    noMatch: ['优先支持已有合作基础的项目。'],
  },
  match: /合作基础/,
  draft: () => ({
    slug: 'prior-cooperation',
    kind: 'confirm',
    severity: 'warning',
    section: 'cooperation',
    fields: [],
    confidence: 0.7,
    title: t('与合作伙伴已有合作基础', 'Prior cooperation with the partner'),
    explain: t(
      '项目申报单位应就该项目已经与合作伙伴有了一定的合作基础。',
      'The applicant should already have worked with the partner on this topic.',
    ),
  }),
};

export default pattern;
