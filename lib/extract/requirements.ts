import type { Condition } from '../engine/condition';
import type { RuleKind, Text } from '../packs/schema';
import { NUMBER, readNumber } from './phrases/number';
import type { Severity, Section } from '../core/vocabulary';

/**
 * The recurring requirements of 其他要求, recognised by wording. Each pattern is tested against one
 * folded sentence (half-width punctuation, simplified characters); a sentence may yield several rules
 * ("2+2" gives an enterprise rule, a research-unit rule and a partner-side confirmation).
 */

export interface RuleDraft {
  slug: string;
  kind: RuleKind;
  severity: Severity;
  section: Section;
  title: Text;
  explain: Text;
  message?: Text;
  fields: string[];
  check?: Condition;
  attachmentKind?: string;
  /** How sure the wording maps to this rule, 0–1. */
  confidence: number;
}

interface RequirementPattern {
  match: RegExp;
  /** Matches inside an encouraging clause ("鼓励企业参与") are not requirements. */
  requirement?: boolean;
  draft(m: RegExpExecArray): RuleDraft | RuleDraft[];
}

const t = (zh: string, en: string): Text => ({ zh, en });
const enterprise: Condition = { op: 'eq', field: 'type', value: 'enterprise' };
const memberOf: Record<string, string> = {
  理化所: 'RIKEN',
  理化学研究所: 'RIKEN',
  RIKEN: 'RIKEN',
  FME: 'FME',
  SFI: 'SFI',
  INTPART: 'INTPART',
};

const patterns: RequirementPattern[] = [
  {
    match: /单方[^。]*无效|(?:分别|各自)[^。]*(?:申报|申请)|[\u4e00-\u9fff]方向[^。]{1,20}(?:申报|申请)/,
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
  },
  {
    match: /配套出资|等额[^。]{0,6}配套/,
    requirement: true,
    draft: () => ({
      slug: 'enterprise-matching-funds',
      kind: 'check',
      severity: 'error',
      section: 'budget',
      confidence: 0.9,
      fields: ['participants.matchingFunds', 'participants.governmentFunding'],
      title: t('参与企业配套出资不少于其获得的政府资助', 'Enterprises match their government funding'),
      explain: t(
        '参与企业应提供至少与其获得的政府资助等额的配套出资。',
        'Each participating enterprise must put in at least as much of its own money as the government funding it receives.',
      ),
      message: t(
        '有企业的配套出资低于其国拨经费。',
        'An enterprise’s matching funds are below its government funding.',
      ),
      check: {
        op: 'every',
        list: 'units',
        where: enterprise,
        check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
      },
    }),
  },
  {
    match: /至少有?(?:一|1)家[^。]{0,12}企业|企业参与|产业参与|申报团队中至少有(?:一|1)家企业/,
    requirement: true,
    draft: () => ({
      slug: 'enterprise-in-team',
      kind: 'check',
      severity: 'error',
      section: 'participants',
      confidence: 0.85,
      fields: ['leadUnit.type', 'participants.type'],
      title: t('团队中至少有一家企业', 'At least one enterprise in the team'),
      explain: t('指南要求中方团队中有企业参与。', 'The guideline asks for an enterprise on the Chinese side.'),
      message: t('团队中没有企业。', 'No enterprise in the team.'),
      check: { op: 'count', list: 'units', where: enterprise, min: 1 },
    }),
  },
  {
    match: /至少有?(?:一|1)家(?:科研单位|科研机构|高校|大学)/,
    requirement: true,
    draft: () => ({
      slug: 'research-unit-in-team',
      kind: 'check',
      severity: 'error',
      section: 'participants',
      confidence: 0.8,
      fields: ['leadUnit.type', 'participants.type'],
      title: t('团队中至少有一家科研单位或高校', 'At least one research institute or university in the team'),
      explain: t(
        '指南要求中方至少有一家科研单位（包括大学）参与。',
        'The guideline asks for a research institute or university on the Chinese side.',
      ),
      message: t('团队中没有科研单位或高校。', 'No research institute or university in the team.'),
      check: {
        op: 'count',
        list: 'units',
        where: { op: 'in', field: 'type', values: ['institute', 'university'] },
        min: 1,
      },
    }),
  },
  {
    match: /2\s*\+\s*2/,
    draft: () => ({
      slug: 'partner-side-two-plus-two',
      kind: 'confirm',
      severity: 'error',
      section: 'foreignPartner',
      fields: [],
      confidence: 0.8,
      title: t(
        '外方同样有一家科研单位和一家企业（“2+2”）',
        'The partner side also has a research unit and an enterprise ("2+2")',
      ),
      explain: t(
        '“2+2”模式要求双方各有至少一家科研单位和一家企业；外方的组成请与合作方确认。',
        'The "2+2" model needs a research unit and an enterprise on each side; confirm the partner side with your partner.',
      ),
    }),
  },
  {
    match: new RegExp(`互无隶属关系的?\\s*(${NUMBER})\\s*家(?:及|或)?以上`),
    draft: (m) => {
      const n = readNumber(m[1]!);
      return {
        slug: `unaffiliated-units-min-${n}`,
        kind: 'check',
        severity: 'error',
        section: 'participants',
        confidence: 0.9,
        fields: ['leadUnit.affiliation', 'participants.affiliation'],
        title: t(`至少 ${n} 家互无隶属关系的中方单位`, `At least ${n} unaffiliated Chinese units`),
        explain: t(
          `单个项目应包括互无隶属关系的 ${n} 家及以上中方参与单位。`,
          `A project needs ${n} or more Chinese units with no affiliation to each other.`,
        ),
        message: t(
          '互无隶属关系的单位只有 {actual} 家，至少需要 {min} 家。',
          'Only {actual} unaffiliated units; at least {min} are needed.',
        ),
        check: { op: 'countDistinct', list: 'units', of: 'affiliation', min: n },
      };
    },
  },
  {
    match: /(?:由|须为)(?:科研单位|科研机构|科研院所|高等学校|高校|大学)[^。]{0,30}?(?:牵头|申请|申报)/,
    draft: () => ({
      slug: 'lead-unit-research',
      kind: 'check',
      severity: 'error',
      section: 'leadUnit',
      confidence: 0.85,
      fields: ['leadUnit.type'],
      title: t('牵头单位为科研院所或高校', 'Lead unit is a research institute or university'),
      explain: t(
        '项目须由科研单位（包括科研院所、高等学校）牵头申报。',
        'The project must be led by a research institute or university.',
      ),
      message: t('牵头单位类型不符合要求。', 'The lead unit is not a research institute or university.'),
      check: { op: 'in', field: 'leadUnit.type', values: ['institute', 'university'] },
    }),
  },
  {
    match: /知识产权协议/,
    draft: () => ({
      slug: 'ip-agreement',
      kind: 'document',
      severity: 'error',
      section: 'attachments',
      confidence: 0.85,
      fields: ['attachments'],
      attachmentKind: 'ipAgreement',
      title: t('与合作方签署的知识产权协议', 'IP agreement signed with the partner'),
      explain: t(
        '合作双方须在申请前签署明确的知识产权协议。',
        'Both partners must sign an explicit intellectual-property agreement before applying.',
      ),
    }),
  },
  {
    match: /(?:合作协议|意向书)[^。]*知识产权/,
    draft: () => ({
      slug: 'cooperation-agreement-ip',
      kind: 'document',
      severity: 'error',
      section: 'attachments',
      confidence: 0.85,
      fields: ['attachments'],
      attachmentKind: 'cooperationAgreement',
      title: t('含知识产权条款的合作协议或意向书', 'Cooperation agreement or letter of intent with an IP clause'),
      explain: t(
        '合作双方须签署合作协议或意向书，其中必须包括知识产权条款。',
        'The partners must sign a cooperation agreement or letter of intent that includes an intellectual-property clause.',
      ),
    }),
  },
  {
    match: /提供(?:合作)?意向书/,
    draft: () => ({
      slug: 'partner-letter-of-intent',
      kind: 'document',
      severity: 'warning',
      section: 'attachments',
      confidence: 0.7,
      fields: ['attachments'],
      attachmentKind: 'partnerLetterOfIntent',
      title: t('外方合作意向书', 'Partner’s letter of intent'),
      explain: t(
        '外方须向其资助机构提供合作意向书；如需随申请提交，请上传。',
        'The partner must give its agency a letter of intent; attach it if it goes with the application.',
      ),
    }),
  },
  {
    match: /相同的英文标题|英文标题[^。]*(?:相同|一致)/,
    draft: () => ({
      slug: 'same-english-title-partners',
      kind: 'confirm',
      severity: 'error',
      section: 'cooperation',
      confidence: 0.85,
      fields: ['project.nameEn', 'foreignPartners'],
      title: t(
        '与外方申请的英文标题和合作伙伴名单相同',
        'Same English title and partner list as the partner’s application',
      ),
      explain: t(
        '双方申请必须有相同的英文标题、合作伙伴名单，以便确认双方申请确实对应。',
        'Both applications must carry the same English title and partner list so they can be matched.',
      ),
    }),
  },
  {
    match: /英文摘要/,
    draft: () => ({
      slug: 'abstract-en',
      kind: 'document',
      severity: 'error',
      section: 'attachments',
      confidence: 0.75,
      fields: ['project.abstractEn'],
      attachmentKind: 'abstractEn',
      title: t('与外方一致的半页英文摘要', 'Half-page English abstract shared with the partner'),
      explain: t(
        '双方申请须附有相同的简短（半页）项目英文摘要。',
        'Both applications must carry the same short (half-page) English abstract.',
      ),
    }),
  },
  {
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
  },
  {
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
  },
  {
    match: /(?<![中双各一])方[^。]*(?:只包括|须为|必须为|必须是)/,
    draft: () => ({
      slug: 'partner-eligibility',
      kind: 'confirm',
      severity: 'error',
      section: 'foreignPartner',
      fields: ['foreignPartners'],
      confidence: 0.6,
      title: t('外方合作单位符合资助条件', 'Foreign partner is eligible for funding'),
      explain: t(
        '外方资助机构只资助指南所列范围内的合作单位，请与合作方确认其资格。',
        'The partner’s agency funds only the bodies the guideline names; confirm your partner’s eligibility.',
      ),
    }),
  },
  {
    match: /(?<![中双各一])方[^。]*产业界/,
    draft: () => ({
      slug: 'partner-side-industry',
      kind: 'confirm',
      severity: 'error',
      section: 'foreignPartner',
      fields: ['foreignPartners'],
      confidence: 0.7,
      title: t('外方有产业界代表参与', 'Industry takes part on the partner side'),
      explain: t('外方须包括产业界代表的参与。', 'The partner side must include an industry representative.'),
    }),
  },
  {
    match: /至少包括一个[^。]*合作伙伴/,
    draft: () => ({
      slug: 'foreign-partner-present',
      kind: 'check',
      severity: 'error',
      section: 'foreignPartner',
      fields: ['foreignPartners'],
      confidence: 0.75,
      title: t('至少有一个外方合作伙伴', 'At least one foreign partner'),
      explain: t(
        '项目团队必须至少包括一个中方和一个外方合作伙伴。',
        'The team must include at least one Chinese and one foreign partner.',
      ),
      message: t('尚未填写外方合作伙伴。', 'No foreign partner entered.'),
      check: { op: 'count', list: 'foreignPartners', min: 1 },
    }),
  },
  {
    match: /正式合作伙伴|[“"]participants[”"]/,
    draft: () => ({
      slug: 'h2020-participant',
      kind: 'confirm',
      severity: 'error',
      section: 'leadUnit',
      fields: ['leadUnit.name'],
      confidence: 0.8,
      title: t(
        '中方申报单位是地平线2020项目的正式合作伙伴',
        'The Chinese applicant is an official Horizon 2020 participant',
      ),
      explain: t(
        '中方申报单位须列入其参与的地平线2020项目的“participants”名单。',
        'The Chinese applicant must be on the "participants" list of its Horizon 2020 project.',
      ),
    }),
  },
  {
    match: /申请书的?英文版/,
    draft: () => ({
      slug: 'h2020-proposal-en',
      kind: 'document',
      severity: 'error',
      section: 'attachments',
      fields: ['attachments'],
      confidence: 0.85,
      attachmentKind: 'h2020ProposalEn',
      title: t('地平线2020项目申请书英文版', 'Horizon 2020 proposal in English'),
      explain: t(
        '中方单位须提交其参与地平线2020计划项目申请书的英文版。',
        'The Chinese unit must attach the English Horizon 2020 proposal it takes part in.',
      ),
    }),
  },
  {
    match: /中文翻译/,
    draft: () => ({
      slug: 'h2020-budget-zh',
      kind: 'document',
      severity: 'error',
      section: 'attachments',
      fields: ['attachments'],
      confidence: 0.8,
      attachmentKind: 'h2020BudgetZh',
      title: t(
        '项目预算及中方研究内容的中文翻译',
        'Chinese translation of the budget and the Chinese part of the work',
      ),
      explain: t(
        '须提交地平线2020申请书中项目预算及中方单位参与研究内容的中文翻译。',
        'Attach a Chinese translation of the proposal’s budget and of the Chinese unit’s part of the work.',
      ),
    }),
  },
  {
    match: /预算不超过/,
    draft: () => ({
      slug: 'budget-within-partner-budget',
      kind: 'confirm',
      severity: 'error',
      section: 'budget',
      fields: ['budget.central'],
      confidence: 0.7,
      title: t(
        '申请预算不超过外方项目中的中方预算',
        'Requested budget within the Chinese share of the partner project',
      ),
      explain: t(
        '提交科技部的项目预算不超过合作项目整体预算中的中方单位预算。',
        'The budget requested from MOST may not exceed the Chinese unit’s budget in the joint project.',
      ),
    }),
  },
  {
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
  },
  {
    match: /人员(?:合作)?交流安排/,
    requirement: true,
    draft: () => ({
      slug: 'exchange-arrangement',
      kind: 'confirm',
      severity: 'warning',
      section: 'cooperation',
      fields: [],
      confidence: 0.75,
      title: t('项目内有明确的人员合作交流安排', 'The project plans staff exchanges'),
      explain: t(
        '项目内须有明确的人员合作交流安排。',
        'The project must plan exchanges of people between the partners.',
      ),
    }),
  },
  {
    match: /(?:投入|工作量)[^。]*平衡/,
    requirement: true,
    draft: () => ({
      slug: 'balanced-contribution',
      kind: 'confirm',
      severity: 'info',
      section: 'cooperation',
      fields: [],
      confidence: 0.7,
      title: t('双方投入和工作量基本平衡', 'Both sides contribute in balance'),
      explain: t(
        '双方的经费投入、力量和工作量应基本平衡。',
        'Money, effort and work should be roughly balanced between the two sides.',
      ),
    }),
  },
  {
    match: /合作基础/,
    draft: () => ({
      slug: 'prior-cooperation',
      kind: 'confirm',
      severity: 'warning',
      section: 'cooperation',
      fields: [],
      confidence: 0.7,
      title: t('与合作伙伴已有合作基础', 'Prior cooperation with the partner'),
      explain: t(
        '项目申报单位应就该项目已经与合作伙伴有了一定的合作基础。',
        'The applicant should already have worked with the partner on this topic.',
      ),
    }),
  },
  {
    match: /明确[^。]*分工|分工明确/,
    draft: () => ({
      slug: 'division-of-work',
      kind: 'confirm',
      severity: 'info',
      section: 'cooperation',
      fields: [],
      confidence: 0.65,
      title: t('双方分工明确', 'Clear division of work'),
      explain: t(
        '双方合作团队均需具备技术优势，并明确双方的分工。',
        'Both teams need technical strengths and a clear division of work.',
      ),
    }),
  },
  {
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
  },
  {
    match: /共同申请[^。]*(?:指南|计划)/,
    draft: () => ({
      slug: 'joint-partner-call',
      kind: 'confirm',
      severity: 'error',
      section: 'cooperation',
      fields: [],
      confidence: 0.65,
      title: t('与外方共同申请指定的外方指南项目', 'Applied jointly to the named partner call'),
      explain: t(
        '项目申请人须与外方合作伙伴共同申请指南指定年度和范围内的外方项目。',
        'The applicant must apply with the partner to the partner call and year the guideline names.',
      ),
    }),
  },
  {
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
  },
  {
    match: /(?:须|应)包括[^。]*计划/,
    draft: () => ({
      slug: 'proposal-contents',
      kind: 'confirm',
      severity: 'warning',
      section: 'basic',
      fields: [],
      confidence: 0.6,
      title: t(
        '申请书包括指南要求的研究和应用计划',
        'The proposal contains the research and application plans asked for',
      ),
      explain: t(
        '项目建议须包括面向优先领域的研究计划及创新或商业化形式的应用计划。',
        'The proposal must contain a research plan for the priority areas and a plan for innovation or commercial use.',
      ),
    }),
  },
];

/** An encouraging or preferential clause states a wish, not a requirement. */
const WISH = /鼓励|优先支持|欢迎/;

function clauseAround(sentence: string, index: number): string {
  const start = Math.max(...[',', ';', '。'].map((s) => sentence.lastIndexOf(s, index)));
  const ends = [',', ';', '。'].map((s) => sentence.indexOf(s, index)).filter((i) => i >= 0);
  return sentence.slice(start + 1, ends.length ? Math.min(...ends) : sentence.length);
}

/** Rules for one folded sentence; empty when no pattern applies. */
export function requirementRules(foldedSentence: string): RuleDraft[] {
  return patterns.flatMap((p) => {
    const m = p.match.exec(foldedSentence);
    if (!m) return [];
    if (p.requirement && WISH.test(clauseAround(foldedSentence, m.index))) return [];
    return p.draft(m);
  });
}

/** Why a sentence yielded nothing, for the review list. */
export function unmappedReason(foldedSentence: string): 'encouragement' | 'background' | 'reference' | 'unrecognised' {
  if (WISH.test(foldedSentence)) return 'encouragement';
  if (/旨在|根据|针对/.test(foldedSentence)) return 'background';
  if (/https?:|www\./.test(foldedSentence)) return 'reference';
  return 'unrecognised';
}
