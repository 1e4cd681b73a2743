import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'joint-partner-call',
  examples: {
    match: ['项目申请人须与其欧方合作伙伴共同申请欧盟地平线2020计划发布的2018年度指南项目。'],
    noMatch: ['项目申请人须与合作伙伴共同开展研究。'],
  },
  match: /共同申请[^。]*(?:指南|计划)/,
  draft: () => ({
    slug: 'joint-partner-call',
    kind: 'confirm',
    severity: 'error',
    section: 'cooperation',
    fields: [],
    confidence: 0.65,
    title: t('与外方共同申请指定的外方指南项目', 'Applied jointly to the named partner call'),
    explain: t(
      '项目申请人须与外方合作伙伴共同申请指南指定年度和范围内的外方项目。',
      'The applicant must apply with the partner to the partner call and year the guideline names.',
    ),
  }),
};

export default pattern;
