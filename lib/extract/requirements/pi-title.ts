import type { RequirementPattern } from './pattern';
import { t } from './pattern';

/** "高级职称" means 副高级 and above; "正高级" only the top level; "中级" and above adds 中级. */
const LEVELS: [RegExp, string[], string, string][] = [
  [/正高级?职称|正高职称/, ['senior'], 'senior', '正高级职称'],
  [
    /中级(?:及以上|以上)?职称/,
    ['senior', 'associateSenior', 'intermediate'],
    'intermediate-or-above',
    '中级及以上职称',
  ],
  [
    /(?:副高级?|高级)(?:及以上|以上)?(?:专业技术)?职称/,
    ['senior', 'associateSenior'],
    'associate-senior-or-above',
    '副高级及以上职称',
  ],
];

const pattern: RequirementPattern = {
  name: 'pi-title',
  examples: {
    match: [
      '项目负责人须具有高级职称。',
      '项目负责人应具有正高级职称或博士学位。',
      '负责人须具有副高级及以上专业技术职称。',
    ],
    noMatch: ['项目负责人须具有博士学位。', '鼓励具有高级职称的青年人员参与。'],
  },
  match: /负责人[^。;]{0,12}?(?:须|应|必须|应当)(?:具有|具备|为|是)[^。,;]{0,12}?职称/,
  draft: (m) => {
    const level = LEVELS.find(([re]) => re.test(m[0]));
    if (!level) return undefined;
    const [, values, slug, zh] = level;
    return {
      slug: `pi-title-${slug}`,
      kind: 'check',
      severity: 'error',
      section: 'pi',
      confidence: 0.8,
      fields: ['pi.title'],
      title: t(`项目负责人具有${zh}`, `PI holds a ${slug.replace(/-/g, ' ')} professional title`),
      explain: t(`指南要求项目负责人具有${zh}。`, 'The guideline sets a minimum professional title for the PI.'),
      message: t('项目负责人的职称不满足要求。', 'The PI’s professional title is below what the guideline asks.'),
      check: { op: 'in', field: 'pi.titleLevel', values },
    };
  },
};

export default pattern;
