/** UI strings by id, Chinese first. Components call `t(lang, id, vars)`; packs carry their own zh/en texts. */
export type Lang = 'zh' | 'en';

const messages = {
  appName: { zh: 'GuideCheck 申报指南自查', en: 'GuideCheck guideline self-check' },
  loading: { zh: '正在加载规则…', en: 'Loading rules…' },
  collapse: { zh: '收起', en: 'Collapse' },
  expand: { zh: '展开 GuideCheck', en: 'Open GuideCheck' },
  switchLang: { zh: 'English', en: '中文' },
  noDirection: { zh: '请在表单中选择指南方向', en: 'Choose a guideline direction in the form' },
  unknownDirection: { zh: '未能识别指南方向：{text}', en: 'Unknown guideline direction: {text}' },
  plannedProjects: { zh: '拟支持项目数', en: 'Planned projects' },
  totalBudget: { zh: '共拟支持经费', en: 'Total budget' },
  perProject: { zh: '平均每项', en: 'Per project' },
  wan: { zh: '{n} 万元', en: '{n} × 10k CNY' },
  contacts: { zh: '对方联系人', en: 'Partner-side contacts' },
  statusFail: { zh: '未通过', en: 'Failed' },
  statusPass: { zh: '通过', en: 'Passed' },
  statusConfirm: { zh: '待确认', en: 'To confirm' },
  statusUnknown: { zh: '信息不全', en: 'Cannot tell yet' },
  statusNa: { zh: '不适用', en: 'Not applicable' },
  severityError: { zh: '错误', en: 'Error' },
  severityWarning: { zh: '警告', en: 'Warning' },
  severityInfo: { zh: '提示', en: 'Info' },
  quote: { zh: '指南原文', en: 'Guideline text' },
  countsSummary: { zh: '{error} 个错误 · {warning} 个警告 · {confirm} 项待确认', en: '{error} errors · {warning} warnings · {confirm} to confirm' },
  missingFields: { zh: '此页面与规则包的字段对应不完整：{fields}', en: 'The page does not match the rule pack’s field map: {fields}' },
  rulesUnavailable: { zh: '无法加载规则：{error}', en: 'Rules could not be loaded: {error}' },
  popupNotPortal: { zh: '当前页面不是国家科技管理信息系统的申报书页面。', en: 'This tab is not an application form of the national S&T portal.' },
  popupRecognised: { zh: '已识别申报书页面', en: 'Application form recognised' },
  popupDirection: { zh: '指南方向', en: 'Direction' },
  section_basic: { zh: '基本信息', en: 'Basic information' },
  section_leadUnit: { zh: '申报单位', en: 'Lead unit' },
  section_participants: { zh: '参与单位', en: 'Participants' },
  section_pi: { zh: '项目负责人', en: 'Principal investigator' },
  section_foreignPartner: { zh: '外方合作单位', en: 'Foreign partner' },
  section_budget: { zh: '经费预算', en: 'Budget' },
  section_attachments: { zh: '附件', en: 'Attachments' },
  section_cooperation: { zh: '合作与申报', en: 'Cooperation and submission' },
  liveNewErrors: { zh: '新的错误：{titles}', en: 'New errors: {titles}' },
  optionsDrafts: { zh: '草稿', en: 'Drafts' },
  optionsRuleSources: { zh: '规则来源', en: 'Rule sources' },
  optionsProfiles: { zh: '常用资料', en: 'Profiles' },
  optionsSettings: { zh: '设置', en: 'Settings' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageId = keyof typeof messages;

export function t(lang: Lang, id: MessageId, vars: Record<string, string | number> = {}): string {
  return messages[id][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
