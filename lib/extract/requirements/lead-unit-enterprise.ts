import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'lead-unit-enterprise',
  examples: {
    match: ['项目须由企业牵头申报。', '本方向应由企业牵头，联合高校共同申报。'],
    noMatch: ['不支持企业牵头。', '项目须由高等学校牵头申报。', '鼓励由企业牵头申报。'],
  },
  match: /(?:须|应|必须|应当|需|要求)由企业(?:单位)?牵头/,
  draft: () => ({
    slug: 'lead-unit-enterprise',
    kind: 'check',
    severity: 'error',
    section: 'leadUnit',
    confidence: 0.9,
    fields: ['leadUnit.type'],
    title: t('牵头单位为企业', 'Lead unit is an enterprise'),
    explain: t('指南要求项目由企业牵头申报。', 'The guideline asks for an enterprise as the lead unit.'),
    message: t('牵头单位不是企业。', 'The lead unit is not an enterprise.'),
    check: { op: 'eq', field: 'leadUnit.type', value: 'enterprise' },
  }),
};

export default pattern;
