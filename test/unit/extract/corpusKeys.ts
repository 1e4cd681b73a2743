/**
 * Hand-written answer keys for the guideline texts in test/fixtures/extract/corpus/: invented guidelines in
 * the programme's style (years 2031–2033 so they cannot be mistaken for real ones), written in phrasings the
 * seeds do not use. Facts as in seeds.test.ts; every requirement-bearing sentence (or clause, when a sentence
 * holds two) with the rule slugs it must produce, or `listed` when a person must handle it.
 * `direction: '*'` is the general part: pack-wide rules (scoped with `only` when the text names directions).
 */

export interface FactRow {
  code: string;
  title: string;
  planned: [number, number, boolean];
  budget: number;
  duration?: string;
  contacts: [string, string | undefined, string | undefined][];
}

export interface RequirementKey {
  direction: string;
  /** A fragment of the sentence as printed (spaces and line breaks ignored when matching). */
  text: string;
  /** Rule slugs; "x-*" for a slug whose tail is derived (a hash of a document's name). */
  rules?: string[];
  listed?: true;
  /** For pack-wide rules limited to named directions. */
  only?: string[];
}

export interface CorpusKey {
  file: string;
  id: string;
  directions: FactRow[];
  requirements: RequirementKey[];
}

export const corpusKeys: CorpusKey[] = [
  {
    file: 'clean-2031.txt',
    id: '2031-2',
    directions: [
      {
        code: '1.1',
        title: '中国和芬兰政府间科技合作项目',
        planned: [0, 6, false],
        budget: 900,
        contacts: [['Anna Virtanen', 'anna.virtanen@example.fi', undefined]],
      },
      {
        code: '1.2',
        title: '中国和波兰政府间联合研究项目',
        planned: [3, 4, false],
        budget: 600,
        duration: '2至3年',
        contacts: [],
      },
      {
        code: '1.3',
        title: '中国和欧盟科技创新合作联合资助项目',
        planned: [10, 10, true],
        budget: 12000,
        duration: '不超过36个月',
        contacts: [],
      },
      {
        code: '1.4',
        title: '内地与澳门联合资助研发项目',
        planned: [5, 8, false],
        budget: 800,
        duration: '一般为2年',
        contacts: [],
      },
    ],
    requirements: [
      { direction: '*', text: '项目执行期一般为 3 年', rules: ['duration-36m'] },
      { direction: '*', text: '每个项目参与单位总数不超过 5 家', rules: ['units-max-5'] },
      { direction: '*', text: '单方申报的项目不予受理', rules: ['both-sides-apply'] },
      { direction: '*', text: '工作时间不得少于 6 个月', rules: ['pi-months-per-year-min-6'] },
      { direction: '*', text: '鼓励青年科研人员担任项目骨干', listed: true },
      { direction: '1.1', text: '项目须由企业牵头申报', rules: ['lead-unit-enterprise'] },
      { direction: '1.1', text: '鼓励产学研联合申报', listed: true },
      { direction: '1.1', text: '中央财政经费的 1.5 倍', rules: ['enterprise-matching-funds-1.5x'] },
      { direction: '1.1', text: '每个项目国拨经费不超过 300 万元', rules: ['budget-max-300'] },
      { direction: '1.1', text: '芬方合作单位须为', rules: ['partner-eligibility'] },
      { direction: '1.1', text: '国拨经费总概算：900万元', rules: ['budget-near-funding-per-project'] },
      { direction: '1.2', text: '项目执行期为 2 至 3 年', rules: ['duration-24-36m'] },
      { direction: '1.2', text: '签署的合作意向书', rules: ['signed-cooperation-agreement'] },
      { direction: '1.2', text: '至少有两家企业', rules: ['enterprises-min-2'] },
      { direction: '1.2', text: '单方申报无效', rules: ['both-sides-apply'] },
      { direction: '1.2', text: '共拟支持经费：600 万元', rules: ['budget-near-funding-per-project'] },
      { direction: '1.3', text: '注册并获得参与机构识别码', rules: ['lead-unit-registered'] },
      { direction: '1.3', text: '至少两个欧盟成员国', rules: ['partner-countries-min-2'] },
      { direction: '1.3', text: '项目执行期不超过 36 个月', rules: ['duration-max-36m'] },
      { direction: '1.3', text: '项目负责人须具有高级职称', rules: ['pi-title-associate-senior-or-above'] },
      { direction: '1.3', text: '拟支持经费：1.2 亿元', rules: ['budget-near-funding-per-project'] },
      { direction: '1.4', text: '每个项目执行期一般为 2 年', rules: ['duration-24m'] },
      { direction: '1.4', text: '内地科研院所或高等学校牵头申报', rules: ['lead-unit-research'] },
      { direction: '1.4', text: '不支持企业牵头', rules: ['lead-unit-not-enterprise'] },
      { direction: '1.4', text: '项目名称、项目负责人和执行期等信息必须一致', rules: ['consistent-with-partner'] },
      { direction: '1.4', text: '内地工作时间不少于 3 个月', rules: ['pi-months-per-year-min-3'] },
      { direction: '1.4', text: '共拟支持经费：800 万元', rules: ['budget-near-funding-per-project'] },
    ],
  },
  {
    file: 'pdf-2032.txt',
    id: '2032',
    directions: [
      {
        code: '2.1',
        title: '中国和新西兰政府间科技合作项目',
        planned: [2, 3, false],
        budget: 450,
        duration: '原则上不超过24个月',
        contacts: [],
      },
      {
        code: '2.2',
        title: '内地与香港联合资助研发项目',
        planned: [5, 6, false],
        budget: 1200,
        duration: '2年',
        contacts: [['陈小明', 'xm.chan@example.hk', '+852-2123 4567']],
      },
      {
        code: '2.3',
        title: '中国和智利政府间联合研究项目',
        planned: [4, 4, false],
        budget: 600,
        duration: '3年',
        contacts: [],
      },
    ],
    requirements: [
      { direction: '*', text: '所有项目执行期均不超过 3 年', rules: ['duration-max-36m'] },
      { direction: '*', text: '在中国大陆境内注册的法人单位', rules: ['lead-unit-registered'] },
      { direction: '*', text: '每个项目下设课题数不超过 3 个', listed: true },
      { direction: '*', text: '同一项目负责人限申报 1 个项目', rules: ['pi-applications-max-1'] },
      { direction: '2.1', text: '项目执行期原则上不超过 24 个月', rules: ['duration-max-24m'] },
      { direction: '2.1', text: '等额的配套出资', rules: ['enterprise-matching-funds'] },
      { direction: '2.1', text: '含知识产权条款的合作协议', rules: ['cooperation-agreement-ip'] },
      { direction: '2.1', text: '新西兰商业、创新与就业部登记', rules: ['partner-registered'] },
      { direction: '2.1', text: '共拟支持经费：450 万元', rules: ['budget-near-funding-per-project'] },
      { direction: '2.2', text: '每个项目实施期为 2 年', rules: ['duration-24m'] },
      { direction: '2.2', text: '项目须由企业牵头申报', rules: ['lead-unit-enterprise'] },
      { direction: '2.2', text: '至少有一家高等学校或科研院所', rules: ['research-unit-in-team'] },
      { direction: '2.2', text: '单方提交的项目申报材料无效', rules: ['both-sides-apply'] },
      { direction: '2.2', text: '共拟支持经费：1 200万元', rules: ['budget-near-funding-per-project'] },
      { direction: '2.3', text: '项目执行期为 3 年', rules: ['duration-36m'] },
      { direction: '2.3', text: '每个项目参与单位不超过 4 家', rules: ['units-max-4'] },
      { direction: '2.3', text: '外方合作单位出具的合作意向书', rules: ['partner-letter-of-intent'] },
      { direction: '2.3', text: '鼓励双方开展人员交流', listed: true },
      { direction: '2.3', text: '国拨经费总概算：0.06 亿元', rules: ['budget-near-funding-per-project'] },
    ],
  },
  {
    file: 'numbered-2033.txt',
    id: '2033-1',
    directions: [
      {
        code: '1.1',
        title: '中国和以色列政府间科技合作项目',
        planned: [3, 3, false],
        budget: 1500,
        duration: '3年',
        contacts: [],
      },
      {
        code: '1.2',
        title: '中国和葡萄牙政府间科技合作项目',
        planned: [2, 4, false],
        budget: 800,
        duration: '不超过2年',
        contacts: [],
      },
      {
        code: '1.3',
        title: '中国和塞尔维亚政府间联合研究项目',
        planned: [5, 5, true],
        budget: 500,
        duration: '2至3年',
        contacts: [],
      },
    ],
    requirements: [
      { direction: '*', text: '本批次项目执行期原则上不超过 3 年', rules: ['duration-max-36m'] },
      { direction: '*', text: '项目参与单位总数不得超过 6 家', rules: ['units-max-6'] },
      { direction: '*', text: '单方申报无效', rules: ['both-sides-apply'] },
      { direction: '*', text: '1.2、1.3 方向的项目须有企业参与', rules: ['enterprise-in-team'], only: ['1.2', '1.3'] },
      { direction: '1.1', text: '项目执行期为 3 年', rules: ['duration-36m'] },
      { direction: '1.1', text: '中方团队中至少有一家企业', rules: ['enterprise-in-team'] },
      { direction: '1.1', text: '企业配套出资不低于其获得的中央财政经费', rules: ['enterprise-matching-funds'] },
      { direction: '1.1', text: '以方合作单位须为以色列创新署资助的企业', rules: ['partner-eligibility'] },
      { direction: '1.1', text: '须提交所在单位出具的推荐函', rules: ['required-document-*'] },
      { direction: '1.1', text: '1 500 万元人民币', rules: ['budget-near-funding-per-project'] },
      { direction: '1.2', text: '项目执行期不超过 2 年', rules: ['duration-max-24m'] },
      { direction: '1.2', text: '项目须由高等学校牵头申报', rules: ['lead-unit-research'] },
      { direction: '1.2', text: '至少包括 1 家企业', rules: ['enterprise-in-team'] },
      { direction: '1.2', text: '项目负责人须具有博士学位', rules: ['pi-degree-doctorate'] },
      { direction: '1.2', text: '男性项目负责人应为 1983 年 1 月 1 日以后出生', rules: ['pi-born-on-or-after-male'] },
      { direction: '1.2', text: '女性项目负责人应为 1978 年 1 月 1 日以后出生', rules: ['pi-born-on-or-after-female'] },
      { direction: '1.2', text: '项目须提交数据管理计划', rules: ['data-management-plan'] },
      { direction: '1.2', text: '拟支持经费：８００ 万元', rules: ['budget-near-funding-per-project'] },
      { direction: '1.3', text: '中央财政经费原则上不超过 100 万元', rules: ['budget-max-100'] },
      { direction: '1.3', text: '项目执行期 2 至 3 年', rules: ['duration-24-36m'] },
      { direction: '1.3', text: '外方须有产业界代表参与', rules: ['partner-side-industry'] },
      { direction: '1.3', text: '明确的人员交流安排', rules: ['exchange-arrangement'] },
      { direction: '1.3', text: '优先支持已有合作基础的项目', listed: true },
      { direction: '1.3', text: '国拨经费总概算：500 万元', rules: ['budget-near-funding-per-project'] },
    ],
  },
];
