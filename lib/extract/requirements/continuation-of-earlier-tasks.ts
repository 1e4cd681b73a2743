import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'continuation-of-earlier-tasks',
  examples: {
    match: ['项目申请单位应在2016至2018年任务的基础上申请2019至2020年经费及工作任务。'],
    noMatch: ['项目申请单位应有前期研究基础。'],
  },
  match: /任务的基础上申请/,
  draft: () => ({
    slug: 'continuation-of-earlier-tasks',
    kind: 'confirm',
    severity: 'error',
    section: 'basic',
    fields: [],
    confidence: 0.7,
    title: t('在前期任务基础上申请后续经费及任务', 'Continues the earlier period’s tasks'),
    explain: t(
      '项目申请单位应在前期任务的基础上申请本期经费及工作任务。',
      'The applicant must apply for this period on the basis of its earlier tasks.',
    ),
  }),
};

export default pattern;
