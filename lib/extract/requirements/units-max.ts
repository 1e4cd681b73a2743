import { NUMBER, readNumber } from '../phrases/number';
import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'units-max',
  examples: {
    match: [
      '每个项目参与单位总数不超过 5 家。',
      '项目参与单位总数不得超过 6 家（含牵头单位）。',
      '每个项目参与单位不超过四家。',
    ],
    noMatch: ['单个项目应包括互无隶属关系的3家及以上中方参与单位。', '每个项目下设课题数不超过 3 个。'],
  },
  match: new RegExp(
    `(?:参与单位|参研单位|承担单位)(?:总数|数量|数)?[^。,;]{0,4}?(?:不超过|不得超过|不多于|最多)\\s*(${NUMBER})\\s*家`,
  ),
  draft: (m) => {
    const n = readNumber(m[1]!);
    if (!Number.isInteger(n)) return undefined;
    return {
      slug: `units-max-${n}`,
      kind: 'check',
      severity: 'error',
      section: 'participants',
      confidence: 0.8,
      fields: ['leadUnit.name', 'participants'],
      title: t(`参与单位不超过 ${n} 家`, `At most ${n} units`),
      explain: t(
        `指南规定每个项目的参与单位不超过 ${n} 家（按牵头单位和参与单位合计）。`,
        `The guideline allows at most ${n} units per project (lead unit and participants counted together).`,
      ),
      message: t('共有 {actual} 家单位，上限 {max} 家。', '{actual} units; at most {max} allowed.'),
      check: { op: 'count', list: 'units', max: n },
    };
  },
};

export default pattern;
