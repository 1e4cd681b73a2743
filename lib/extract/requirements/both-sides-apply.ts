import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'both-sides-apply',
  examples: {
    match: [
      '项目双方须分别向中欧项目征集部门提交申报材料，单方申报项目无效。',
      '单方申报的项目不予受理。',
      '缅方向缅甸教育部申报。',
    ],
    noMatch: ['项目由中方单位独立申报。', '双方应开展优势互补的合作。'],
  },
  match: /单方[^。]*(?:无效|不予受理)|(?:分别|各自)[^。]*(?:申报|申请)|[\u4e00-\u9fff]方向[^。]{1,20}(?:申报|申请)/,
  draft: () => ({
    slug: 'both-sides-apply',
    kind: 'confirm',
    severity: 'error',
    section: 'cooperation',
    fields: [],
    confidence: 0.9,
    title: t('合作双方分别向各自主管部门申报', 'Both sides apply to their own agencies'),
    explain: t(
      '合作双方须分别向本国（地区）的征集部门提交申请，单方申报无效；本工具无法核实对方是否已申报，请与合作方确认。',
      'Each side must apply to its own funding agency; a one-sided application is invalid. We cannot see the partner side: confirm with your partner.',
    ),
  }),
};

export default pattern;
