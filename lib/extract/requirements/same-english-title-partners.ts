import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'same-english-title-partners',
  examples: {
    match: ['在中国和挪威提交的申请必须有相同的英文标题、合作伙伴名单。'],
    noMatch: ['项目名称须与外方申请一致。'],
  },
  match: /相同的英文标题|英文标题[^。]*(?:相同|一致)/,
  draft: () => ({
    slug: 'same-english-title-partners',
    kind: 'confirm',
    severity: 'error',
    section: 'cooperation',
    confidence: 0.85,
    fields: ['project.nameEn', 'foreignPartners'],
    title: t(
      '与外方申请的英文标题和合作伙伴名单相同',
      'Same English title and partner list as the partner’s application',
    ),
    explain: t(
      '双方申请必须有相同的英文标题、合作伙伴名单，以便确认双方申请确实对应。',
      'Both applications must carry the same English title and partner list so they can be matched.',
    ),
  }),
};

export default pattern;
