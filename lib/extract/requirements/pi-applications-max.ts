import { NUMBER, readNumber } from '../phrases/number';
import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'pi-applications-max',
  examples: {
    match: ['同一项目负责人限申报 1 个项目。', '每位申请人只能牵头申报一项。'],
    noMatch: ['拟支持项目数：不超过 6 个。', '单个项目申请只支持对应单个地平线2020项目。'],
  },
  match: new RegExp(
    `(?:负责人|申请人)[^。,;]{0,6}?(?:限|只能|仅能|仅限|最多)(?:牵头)?(?:申报|申请|承担)\\s*(${NUMBER})\\s*(?:个|项)`,
  ),
  draft: (m) => {
    const n = readNumber(m[1]!);
    if (!Number.isInteger(n)) return undefined;
    return {
      slug: `pi-applications-max-${n}`,
      kind: 'confirm',
      severity: 'error',
      section: 'pi',
      confidence: 0.75,
      fields: ['pi.name'],
      title: t(`项目负责人在本批次申报不超过 ${n} 个项目`, `The PI applies for at most ${n} project(s) in this batch`),
      explain: t(
        `指南限定同一项目负责人申报 ${n} 个项目；本工具看不到其他申请，请确认。`,
        `The guideline lets one PI apply for ${n} project(s); we cannot see other applications: confirm.`,
      ),
    };
  },
};

export default pattern;
