import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'data-management-plan',
  examples: {
    match: ['依赖于数据采集的项目须附有数据访问和管理的相关计划。', '项目须提交数据管理计划。'],
    noMatch: ['项目须有明确的进度计划。'],
  },
  match: /数据管理计划|数据(?:访问和)?管理的?(?:相关)?计划/,
  draft: () => ({
    slug: 'data-management-plan',
    kind: 'document',
    severity: 'warning',
    section: 'attachments',
    fields: ['attachments'],
    confidence: 0.75,
    attachmentKind: 'dataManagementPlan',
    title: t('数据管理计划', 'Data-management plan'),
    explain: t(
      '依赖数据采集的项目须附数据访问和管理计划；如认为无需此计划，须专门解释。',
      'Projects relying on data collection must attach a data-access and management plan, or explain why none is needed.',
    ),
  }),
};

export default pattern;
