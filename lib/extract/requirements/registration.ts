import type { RequirementPattern } from './pattern';
import { clauseAround, t } from './pattern';

/** "新方合作单位须在…登记" is the partner's; "中方申报单位须已在…注册" and unnamed sides are the applicant's. */
const PARTNER_SIDE = /(?:外方|(?<![中双各一我])[\u4e00-\u9fff]方)(?:合作)?(?:单位|伙伴)/;

const pattern: RequirementPattern = {
  name: 'registration',
  examples: {
    match: [
      '中方申报单位须已在欧盟研究与创新门户注册并获得参与机构识别码。',
      '项目申报单位须为在中国大陆境内注册的法人单位。',
      '新方合作单位须在新西兰商业、创新与就业部登记。',
    ],
    noMatch: ['项目负责人须具有高级职称。', '申报单位应在系统中填写注册信息后提交。'],
  },
  match: /(?:须|应|必须|应当)(?:已|为)?[^。,;]{0,30}?(?:注册|登记)(?!信息)/,
  draft: (m) => {
    const clause = clauseAround(m.input, m.index).text;
    const partner = PARTNER_SIDE.test(clause);
    return {
      slug: partner ? 'partner-registered' : 'lead-unit-registered',
      kind: 'confirm',
      severity: 'error',
      section: partner ? 'foreignPartner' : 'leadUnit',
      confidence: 0.7,
      fields: partner ? ['foreignPartners'] : ['leadUnit.name'],
      title: t(
        partner ? '外方合作单位已按要求注册或登记' : '申报单位已按要求注册或登记',
        partner ? 'The partner is registered as required' : 'The applicant is registered as required',
      ),
      explain: t(`指南要求：${clause}。请确认。`, 'The guideline asks for a registration (see the quote); confirm it.'),
    };
  },
};

export default pattern;
