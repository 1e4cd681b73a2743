import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const memberOf: Record<string, string> = {
  理化所: 'RIKEN',
  理化学研究所: 'RIKEN',
  RIKEN: 'RIKEN',
  FME: 'FME',
  SFI: 'SFI',
  INTPART: 'INTPART',
};

const pattern: RequirementPattern = {
  name: 'partner-member',
  examples: {
    match: [
      '日方合作方须为理化所及其分支研究机构职员；',
      '与对应的挪威环境友好型能源研究中心成员单位（FME）联合申请。',
    ],
    noMatch: ['外方合作单位须为高校。'],
  },
  match: /\b(RIKEN|FME|SFI|INTPART)\b|理化(?:学研究)?所/,
  draft: (m) => {
    const found = [
      ...new Set(
        [...m.input.matchAll(/\b(RIKEN|FME|SFI|INTPART)\b|理化(?:学研究)?所/g)].map((x) => memberOf[x[1] ?? x[0]]!),
      ),
    ];
    const names = found.join(' / ');
    return {
      slug: `partner-member-${found.map((f) => f.toLowerCase()).join('-')}`,
      kind: 'check',
      severity: 'error',
      section: 'foreignPartner',
      confidence: 0.7,
      fields: ['foreignPartners.memberships'],
      title: t(`外方合作单位属于 ${names}`, `Foreign partner belongs to ${names}`),
      explain: t(
        `外方合作方须为 ${names} 的成员或职员。`,
        `The foreign partner must be a member or staff of ${names}.`,
      ),
      message: t(`没有外方合作单位属于 ${names}。`, `No foreign partner belongs to ${names}.`),
      check: {
        op: 'count',
        list: 'foreignPartners',
        where: { any: found.map((f) => ({ op: 'contains' as const, field: 'memberships', value: f })) },
        min: 1,
      },
    };
  },
};

export default pattern;
