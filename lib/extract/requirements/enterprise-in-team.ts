import { NUMBER, readNumber } from '../phrases/number';
import type { RequirementPattern } from './pattern';
import { enterprise, t } from './pattern';

const pattern: RequirementPattern = {
  name: 'enterprise-in-team',
  examples: {
    match: [
      '申报团队中至少有一家企业。',
      '申报团队中至少有两家企业。',
      '1.2、1.3 方向的项目须有企业参与。',
      '项目须由科研机构（包括大学）申请但应有产业参与。',
    ],
    noMatch: ['鼓励企业参与联合申报项目。', '至少有一家科研单位参与。', '项目须由企业牵头申报。'],
  },
  match: new RegExp(`至少(?:有|包括|包含)?\\s*(${NUMBER})\\s*家[^。,;]{0,16}?企业|企业参与|产业参与`),
  draft: (m) => {
    const n = m[1] ? readNumber(m[1]) : 1;
    if (!Number.isInteger(n) || n < 1) return undefined;
    return {
      slug: n === 1 ? 'enterprise-in-team' : `enterprises-min-${n}`,
      kind: 'check',
      severity: 'error',
      section: 'participants',
      confidence: 0.85,
      fields: ['leadUnit.type', 'participants.type'],
      title:
        n === 1
          ? t('团队中至少有一家企业', 'At least one enterprise in the team')
          : t(`团队中至少有 ${n} 家企业`, `At least ${n} enterprises in the team`),
      explain: t(
        `指南要求中方团队中至少有 ${n} 家企业参与。`,
        `The guideline asks for at least ${n} enterprise(s) on the Chinese side.`,
      ),
      message: t(
        '团队中企业 {actual} 家，至少需要 {min} 家。',
        '{actual} enterprise(s) in the team; at least {min} needed.',
      ),
      check: { op: 'count', list: 'units', where: enterprise, min: n },
    };
  },
};

export default pattern;
