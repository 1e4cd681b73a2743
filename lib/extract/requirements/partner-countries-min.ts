import { NUMBER, readNumber } from '../phrases/number';
import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'partner-countries-min',
  examples: {
    match: ['项目须与至少两个欧盟成员国的合作单位开展合作。', '外方合作单位须来自至少 3 个国家。'],
    noMatch: ['项目团队必须至少包括一个中国和一个挪威合作伙伴。', '支持与 13个国家开展合作。'],
  },
  match: new RegExp(`至少\\s*(${NUMBER})\\s*个[^。,;]{0,12}?(?:成员国|国家)`),
  draft: (m) => {
    const n = readNumber(m[1]!);
    if (!Number.isInteger(n)) return undefined;
    return {
      slug: `partner-countries-min-${n}`,
      kind: 'check',
      severity: 'error',
      section: 'foreignPartner',
      confidence: 0.75,
      fields: ['foreignPartners.country'],
      title: t(`外方合作单位来自至少 ${n} 个国家`, `Foreign partners from at least ${n} countries`),
      explain: t(
        `指南要求与至少 ${n} 个国家的合作单位合作。`,
        `The guideline asks for partners from at least ${n} countries.`,
      ),
      message: t(
        '外方合作单位来自 {actual} 个国家，至少需要 {min} 个。',
        'Partners from {actual} countries; at least {min} needed.',
      ),
      check: { op: 'countDistinct', list: 'foreignPartners', of: 'country', min: n },
    };
  },
};

export default pattern;
