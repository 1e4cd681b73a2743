import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'consistent-with-partner',
  examples: {
    match: ['双方项目申报书的项目名称、合作单位、项目负责人和项目执行年限等信息必须一致。'],
    noMatch: ['项目负责人须具有高级职称。'],
  },
  match: /(?:项目名称|合作单位|项目负责人|执行年限)[^。]*一致/,
  draft: () => ({
    slug: 'consistent-with-partner',
    kind: 'confirm',
    severity: 'error',
    section: 'cooperation',
    confidence: 0.85,
    fields: ['project.nameZh', 'participants', 'pi.name', 'project.startDate', 'project.endDate'],
    title: t(
      '与对方申报书的项目名称、合作单位、负责人和执行年限一致',
      'Same project name, units, PI and duration as the partner’s application',
    ),
    explain: t(
      '双方项目申报书的项目名称、合作单位、项目负责人和项目执行年限等信息必须一致。',
      'Both sides’ applications must give the same project name, units, principal investigator and duration.',
    ),
  }),
};

export default pattern;
