import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'one-application-per-joint-project',
  examples: {
    match: ['单个项目申请只支持对应单个地平线2020项目。'],
    noMatch: ['同一项目负责人限申报1个项目。'],
  },
  match: /单个[^。]*只支持|一份中方申请书/,
  draft: () => ({
    slug: 'one-application-per-joint-project',
    kind: 'confirm',
    severity: 'error',
    section: 'cooperation',
    fields: [],
    confidence: 0.7,
    title: t('一个合作项目只对应一份中方申请', 'One Chinese application per joint project'),
    explain: t(
      '单个外方项目只支持对应单个中方项目申请，多家中方单位须协商确定一家牵头提交一份申请书。',
      'Each partner project has one Chinese application; several Chinese units agree on one lead to submit it.',
    ),
  }),
};

export default pattern;
