import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'proposal-contents',
  examples: {
    match: ['项目建议须包括面向优先领域的研究计划。'],
    noMatch: ['项目须提交数据管理计划。'],
  },
  match: /(?:须|应)包括[^。]*计划/,
  draft: () => ({
    slug: 'proposal-contents',
    kind: 'confirm',
    severity: 'warning',
    section: 'basic',
    fields: [],
    confidence: 0.6,
    title: t(
      '申请书包括指南要求的研究和应用计划',
      'The proposal contains the research and application plans asked for',
    ),
    explain: t(
      '项目建议须包括面向优先领域的研究计划及创新或商业化形式的应用计划。',
      'The proposal must contain a research plan for the priority areas and a plan for innovation or commercial use.',
    ),
  }),
};

export default pattern;
