import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'partner-eligibility',
  examples: {
    match: [
      '挪方提供资助的对象只包括挪威正在执行的研究中心成员单位。',
      '芬方合作单位须为芬兰商业促进局资助项目的参与方。',
    ],
    noMatch: ['中方申报单位须为企业。', '双方须为合作伙伴。'],
  },
  match: /(?<![中双各一])方[^。]*(?:只包括|须为|必须为|必须是)/,
  draft: () => ({
    slug: 'partner-eligibility',
    kind: 'confirm',
    severity: 'error',
    section: 'foreignPartner',
    fields: ['foreignPartners'],
    confidence: 0.6,
    title: t('外方合作单位符合资助条件', 'Foreign partner is eligible for funding'),
    explain: t(
      '外方资助机构只资助指南所列范围内的合作单位，请与合作方确认其资格。',
      'The partner’s agency funds only the bodies the guideline names; confirm your partner’s eligibility.',
    ),
  }),
};

export default pattern;
