import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'research-unit-in-team',
  examples: {
    match: ['中瑞各双方至少有一家科研单位（包括大学）和一家企业参与。', '申报团队中至少有一家高等学校或科研院所。'],
    noMatch: ['申报团队中至少有一家企业。', '项目须由科研单位牵头申报。'],
  },
  match: /至少有?(?:一|1)家(?:科研单位|科研机构|科研院所|高等学校|高校|大学)/,
  draft: () => ({
    slug: 'research-unit-in-team',
    kind: 'check',
    severity: 'error',
    section: 'participants',
    confidence: 0.8,
    fields: ['leadUnit.type', 'participants.type'],
    title: t('团队中至少有一家科研单位或高校', 'At least one research institute or university in the team'),
    explain: t(
      '指南要求中方至少有一家科研单位（包括大学）参与。',
      'The guideline asks for a research institute or university on the Chinese side.',
    ),
    message: t('团队中没有科研单位或高校。', 'No research institute or university in the team.'),
    check: {
      op: 'count',
      list: 'units',
      where: { op: 'in', field: 'type', values: ['institute', 'university'] },
      min: 1,
    },
  }),
};

export default pattern;
