import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'exchange-arrangement',
  examples: {
    match: ['项目内须有明确的人员合作交流安排。', '项目内须有明确的人员交流安排。'],
    noMatch: ['鼓励双方开展人员交流。', '鼓励在项目内开展人员交流安排。'],
  },
  match: /人员(?:合作)?交流安排/,
  draft: () => ({
    slug: 'exchange-arrangement',
    kind: 'confirm',
    severity: 'warning',
    section: 'cooperation',
    fields: [],
    confidence: 0.75,
    title: t('项目内有明确的人员合作交流安排', 'The project plans staff exchanges'),
    explain: t('项目内须有明确的人员合作交流安排。', 'The project must plan exchanges of people between the partners.'),
  }),
};

export default pattern;
