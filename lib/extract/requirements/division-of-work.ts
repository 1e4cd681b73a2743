import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'division-of-work',
  examples: {
    match: ['双方合作团队均需具备一定的技术优势，并且明确双方的分工。'],
    noMatch: ['双方各自承担研究任务。'],
  },
  match: /明确[^。]*分工|分工明确/,
  draft: () => ({
    slug: 'division-of-work',
    kind: 'confirm',
    severity: 'info',
    section: 'cooperation',
    fields: [],
    confidence: 0.65,
    title: t('双方分工明确', 'Clear division of work'),
    explain: t(
      '双方合作团队均需具备技术优势，并明确双方的分工。',
      'Both teams need technical strengths and a clear division of work.',
    ),
  }),
};

export default pattern;
