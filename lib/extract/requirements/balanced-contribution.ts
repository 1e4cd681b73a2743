import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'balanced-contribution',
  examples: {
    match: ['项目各方投入力量和分工应基本平衡。'],
    noMatch: ['鼓励双方投入力量保持平衡。'],
  },
  match: /(?:投入|工作量)[^。]*平衡/,
  draft: () => ({
    slug: 'balanced-contribution',
    kind: 'confirm',
    severity: 'info',
    section: 'cooperation',
    fields: [],
    confidence: 0.7,
    title: t('双方投入和工作量基本平衡', 'Both sides contribute in balance'),
    explain: t(
      '双方的经费投入、力量和工作量应基本平衡。',
      'Money, effort and work should be roughly balanced between the two sides.',
    ),
  }),
};

export default pattern;
