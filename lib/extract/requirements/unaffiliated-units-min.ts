import { NUMBER, readNumber } from '../phrases/number';
import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'unaffiliated-units-min',
  examples: {
    match: ['单个项目应包括互无隶属关系的3家及以上中方参与单位。', '应有互无隶属关系的 三 家以上单位参与。'],
    noMatch: ['参与单位之间不得有隶属关系。', '每个项目参与单位不超过4家。'],
  },
  match: new RegExp(`互无隶属关系的?\\s*(${NUMBER})\\s*家(?:及|或)?以上`),
  draft: (m) => {
    const n = readNumber(m[1]!);
    return {
      slug: `unaffiliated-units-min-${n}`,
      kind: 'check',
      severity: 'error',
      section: 'participants',
      confidence: 0.9,
      fields: ['leadUnit.affiliation', 'participants.affiliation'],
      title: t(`至少 ${n} 家互无隶属关系的中方单位`, `At least ${n} unaffiliated Chinese units`),
      explain: t(
        `单个项目应包括互无隶属关系的 ${n} 家及以上中方参与单位。`,
        `A project needs ${n} or more Chinese units with no affiliation to each other.`,
      ),
      message: t(
        '互无隶属关系的单位只有 {actual} 家，至少需要 {min} 家。',
        'Only {actual} unaffiliated units; at least {min} are needed.',
      ),
      check: { op: 'countDistinct', list: 'units', of: 'affiliation', min: n },
    };
  },
};

export default pattern;
