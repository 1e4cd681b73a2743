import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'lead-unit-not-enterprise',
  examples: {
    match: ['不支持企业牵头。', '企业不得牵头申报。', '本方向不接受企业牵头申报的项目。'],
    noMatch: ['项目须由企业牵头申报。', '鼓励企业参与。'],
  },
  match: /(?:不支持|不接受|不得由|不能由|不允许)企业(?:单位)?牵头|企业(?:单位)?不得(?:作为)?牵头/,
  draft: () => ({
    slug: 'lead-unit-not-enterprise',
    kind: 'check',
    severity: 'error',
    section: 'leadUnit',
    confidence: 0.9,
    fields: ['leadUnit.type'],
    title: t('牵头单位不能是企业', 'The lead unit may not be an enterprise'),
    explain: t('指南不支持企业牵头申报。', 'The guideline does not accept an enterprise as the lead unit.'),
    message: t(
      '牵头单位是企业，本方向不支持企业牵头。',
      'The lead unit is an enterprise; this direction does not accept that.',
    ),
    check: { op: 'ne', field: 'leadUnit.type', value: 'enterprise' },
  }),
};

export default pattern;
