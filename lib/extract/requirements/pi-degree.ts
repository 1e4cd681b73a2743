import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const LEVELS: [RegExp, string[], string, string][] = [
  [/硕士(?:及以上|以上)?学位/, ['doctorate', 'master'], 'master-or-above', '硕士及以上学位'],
  [/博士学位/, ['doctorate'], 'doctorate', '博士学位'],
];

const pattern: RequirementPattern = {
  name: 'pi-degree',
  examples: {
    match: ['项目负责人须具有博士学位。', '项目负责人应具有硕士及以上学位。'],
    noMatch: ['项目负责人须具有高级职称。', '优先支持具有博士学位的申请人。'],
  },
  match: /负责人[^。;]{0,12}?(?:须|应|必须|应当)(?:具有|具备|获得)[^。,;]{0,8}?学位/,
  draft: (m) => {
    const level = LEVELS.find(([re]) => re.test(m[0]));
    if (!level) return undefined;
    const [, values, slug, zh] = level;
    return {
      slug: `pi-degree-${slug}`,
      kind: 'check',
      severity: 'error',
      section: 'pi',
      confidence: 0.8,
      fields: ['pi.degree'],
      title: t(`项目负责人具有${zh}`, `PI holds a ${slug.replace(/-/g, ' ')} degree`),
      explain: t(`指南要求项目负责人具有${zh}。`, 'The guideline sets a minimum degree for the PI.'),
      message: t('项目负责人的学位不满足要求。', 'The PI’s degree is below what the guideline asks.'),
      check: { op: 'in', field: 'pi.degreeLevel', values },
    };
  },
};

export default pattern;
