import { parseBudget } from '../phrases/budget';
import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'budget-max',
  examples: {
    match: [
      '每个项目国拨经费不超过 300 万元。',
      '每个项目中央财政经费原则上不超过100万元。',
      '单个项目资助经费最高 0.05 亿元。',
    ],
    noMatch: [
      '共拟支持经费：600 万元人民币。',
      '中方单位提交科技部的项目申请中预算不超过地平线2020项目中的中方单位预算。',
    ],
  },
  match:
    /(?:每个|单个|每项)项目[^。,;]{0,12}?(?:国拨经费|中央财政经费|资助经费|资助额度|经费)[^。,;]{0,6}?(?:不超过|不得超过|不高于|不多于|最高)[^。,;]{0,3}?\d[\d ,.]*\s*(?:万|亿)?元/,
  draft: (m) => {
    const amount = parseBudget(m[0])?.amount;
    if (amount === undefined) return undefined;
    return {
      slug: `budget-max-${amount}`,
      kind: 'check',
      severity: 'error',
      section: 'budget',
      confidence: 0.9,
      fields: ['budget.central'],
      title: t(`每个项目中央财政经费不超过 ${amount} 万元`, `Central funding at most ${amount} 万元 per project`),
      explain: t(
        `指南规定每个项目的国拨经费上限为 ${amount} 万元。`,
        `The guideline caps each project's central funding at ${amount} 万元.`,
      ),
      message: t(
        '申请中央财政经费 {actual} 万元，上限 {expected}。',
        'Central funding requested {actual} 万元; limit {expected}.',
      ),
      check: { op: 'lte', field: 'budget.central', value: amount },
    };
  },
};

export default pattern;
