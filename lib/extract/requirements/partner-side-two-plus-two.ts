import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'partner-side-two-plus-two',
  examples: {
    match: ['中瑞（典）合作项目采取“2+2”合作模式。'],
    noMatch: ['中瑞双方各有两家单位参与。'],
  },
  match: /2\s*\+\s*2/,
  draft: () => ({
    slug: 'partner-side-two-plus-two',
    kind: 'confirm',
    severity: 'error',
    section: 'foreignPartner',
    fields: [],
    confidence: 0.8,
    title: t(
      '外方同样有一家科研单位和一家企业（“2+2”）',
      'The partner side also has a research unit and an enterprise ("2+2")',
    ),
    explain: t(
      '“2+2”模式要求双方各有至少一家科研单位和一家企业；外方的组成请与合作方确认。',
      'The "2+2" model needs a research unit and an enterprise on each side; confirm the partner side with your partner.',
    ),
  }),
};

export default pattern;
