import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'lead-unit-research',
  examples: {
    match: ['项目须由科研机构（包括大学）申请但应有产业参与。', '项目须由内地科研院所或高等学校牵头申报。'],
    noMatch: ['项目须由企业牵头申报。', '鼓励高校参与。'],
  },
  match:
    /(?:由|须为)(?:内地|大陆|中方|国内)?(?:科研单位|科研机构|科研院所|高等学校|高校|大学)[^。]{0,30}?(?:牵头|申请|申报)/,
  draft: () => ({
    slug: 'lead-unit-research',
    kind: 'check',
    severity: 'error',
    section: 'leadUnit',
    confidence: 0.85,
    fields: ['leadUnit.type'],
    title: t('牵头单位为科研院所或高校', 'Lead unit is a research institute or university'),
    explain: t(
      '项目须由科研单位（包括科研院所、高等学校）牵头申报。',
      'The project must be led by a research institute or university.',
    ),
    message: t('牵头单位类型不符合要求。', 'The lead unit is not a research institute or university.'),
    check: { op: 'in', field: 'leadUnit.type', values: ['institute', 'university'] },
  }),
};

export default pattern;
