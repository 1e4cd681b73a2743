/**
 * What the applicant reads instead of the model's internals: application paths by the form's labels, enum
 * values by their names, and where on the form a path is filled. Pure and zod-free: used by the panel,
 * the markers, the report, the share summary and the options page alike.
 */
import type { Lang } from '../core/vocabulary';

type Bilingual = Record<Lang, string>;

/** Stored values the packs compare against (unit types, attachment kinds), by name. */
const valueNames: Record<string, Bilingual> = {
  enterprise: { zh: '企业', en: 'enterprise' },
  university: { zh: '高等院校', en: 'university' },
  institute: { zh: '科研院所', en: 'research institute' },
  other: { zh: '其他', en: 'other' },
  cooperationAgreement: { zh: '合作协议/意向书', en: 'cooperation agreement' },
  ipAgreement: { zh: '知识产权协议', en: 'IP agreement' },
  h2020ProposalEn: { zh: '地平线2020申请书（英文）', en: 'Horizon 2020 proposal (English)' },
  h2020BudgetZh: { zh: '预算及中方研究内容中文翻译', en: 'Chinese translation of budget and tasks' },
  dataManagementPlan: { zh: '数据管理计划', en: 'data-management plan' },
  partnerLetterOfIntent: { zh: '外方合作意向书', en: 'partner’s letter of intent' },
  abstractEn: { zh: '半页英文摘要', en: 'half-page English abstract' },
};

/** A value as the applicant names it: known enum values translated, lists joined, anything else as is. */
export function valueLabel(value: unknown, lang: Lang): unknown {
  if (typeof value === 'string') return valueNames[value]?.[lang] ?? value;
  if (Array.isArray(value)) return value.map((v) => valueLabel(v, lang));
  return value;
}

/**
 * Names of the application model's paths, used where the form shows no label of its own (and in English,
 * since the portal's labels are Chinese). List columns are keyed without the row index.
 */
const pathNames: Record<string, Bilingual> = {
  'project.nameZh': { zh: '项目名称', en: 'Project name' },
  'project.nameEn': { zh: '项目英文名称', en: 'English project title' },
  'project.startDate': { zh: '执行期限（开始）', en: 'Start date' },
  'project.endDate': { zh: '执行期限（结束）', en: 'End date' },
  'project.durationMonths': { zh: '执行期限', en: 'Duration' },
  'project.abstractEn': { zh: '英文摘要', en: 'English abstract' },
  direction: { zh: '指南方向', en: 'Guideline direction' },
  'leadUnit.name': { zh: '申报单位名称', en: 'Lead unit name' },
  'leadUnit.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'leadUnit.type': { zh: '申报单位性质', en: 'Lead unit type' },
  'leadUnit.affiliation': { zh: '申报单位上级主管部门', en: 'Lead unit’s parent body' },
  'leadUnit.registeredOn': { zh: '申报单位注册日期', en: 'Lead unit registration date' },
  'leadUnit.governmentFunding': { zh: '申报单位国拨经费', en: 'Lead unit’s government funding' },
  'leadUnit.matchingFunds': { zh: '申报单位自筹经费', en: 'Lead unit’s own funds' },
  'pi.name': { zh: '项目负责人姓名', en: 'PI name' },
  'pi.title': { zh: '项目负责人职称', en: 'PI title' },
  'pi.degree': { zh: '项目负责人学位', en: 'PI degree' },
  'pi.birthDate': { zh: '出生日期', en: 'PI date of birth' },
  'pi.monthsPerYear': { zh: '每年投入项目工作时间（月）', en: 'PI months per year on the project' },
  'pi.idNumber': { zh: '证件号码', en: 'PI ID number' },
  'pi.phone': { zh: '项目负责人手机', en: 'PI mobile' },
  'pi.email': { zh: '项目负责人邮箱', en: 'PI email' },
  'budget.central': { zh: '中央财政经费', en: 'Central government funding' },
  'budget.other': { zh: '其他来源经费', en: 'Funding from other sources' },
  participants: { zh: '参与单位', en: 'Participants' },
  'participants.name': { zh: '单位名称', en: 'name' },
  'participants.type': { zh: '单位性质', en: 'type' },
  'participants.affiliation': { zh: '隶属关系', en: 'parent body' },
  'participants.creditCode': { zh: '统一社会信用代码', en: 'credit code' },
  'participants.governmentFunding': { zh: '国拨经费', en: 'government funding' },
  'participants.matchingFunds': { zh: '自筹经费', en: 'own funds' },
  foreignPartners: { zh: '外方合作单位', en: 'Foreign partners' },
  'foreignPartners.name': { zh: '名称', en: 'name' },
  'foreignPartners.country': { zh: '国家/地区', en: 'country' },
  'foreignPartners.institution': { zh: '所属机构', en: 'institution' },
  'foreignPartners.type': { zh: '机构类型', en: 'type' },
  'foreignPartners.memberships': { zh: '所属计划/资格', en: 'memberships' },
  attachments: { zh: '附件', en: 'Attachments' },
  'attachments.kind': { zh: '附件类型', en: 'kind' },
  'attachments.name': { zh: '文件名', en: 'file name' },
};

const listNames: Record<string, Bilingual> = {
  participants: { zh: '参与单位', en: 'Participant' },
  foreignPartners: { zh: '外方合作单位', en: 'Foreign partner' },
  attachments: { zh: '附件', en: 'Attachment' },
};

/**
 * The standard form has no funds fields for the lead unit: its share is what the budget's totals leave after
 * the participants' (lib/engine/context.ts), so those totals are where the applicant fills it in.
 */
const formAliases: Record<string, string> = {
  'leadUnit.governmentFunding': 'budget.central',
  'leadUnit.matchingFunds': 'budget.other',
};

/** A context path in the application's own terms: units.0 is the lead unit, units.N participant N-1. */
export function applicationPath(path: string): string {
  const unit = /^units\.(\d+)\.(.+)$/.exec(path);
  if (!unit) return path;
  return Number(unit[1]) === 0 ? `leadUnit.${unit[2]}` : `participants.${Number(unit[1]) - 1}.${unit[2]}`;
}

/**
 * Where a path shows on the form, best first: derived facts point at their sources (durationMonths the end
 * date), the lead unit's funds at the budget totals, and a list path without an index at its first row.
 */
export function formPaths(path: string): string[] {
  const p = applicationPath(path);
  if (p === 'project.durationMonths') return ['project.endDate', 'project.startDate'];
  const alias = formAliases[p];
  if (alias) return [p, alias];
  const listColumn = /^(participants|foreignPartners|attachments)\.([a-zA-Z]+)$/.exec(p);
  if (listColumn) return [`${listColumn[1]}.0.${listColumn[2]}`];
  return [p];
}

/**
 * A path by the form's own label: `formTitles` (path → the label the field map knows the field by) first,
 * then the built-in names; list rows are numbered from 1 ("参与单位 2 · 自筹经费"). Never a dotted path.
 */
export function fieldLabel(path: string, lang: Lang, formTitles?: ReadonlyMap<string, string>): string {
  const p = applicationPath(path);
  const formTitle = (key: string) => (lang === 'zh' ? formTitles?.get(key) : undefined);
  const row = /^(participants|foreignPartners|attachments)(?:\.(\d+))?\.([a-zA-Z]+)$/.exec(p);
  if (row) {
    const list = row[1] as keyof typeof listNames;
    const [, , index, column] = row;
    const listName = listNames[list]![lang];
    const titled = formTitle(`${list}.${column}`) ?? formTitle(`${list}.0.${column}`);
    // The form may repeat the list's name in a column's label (外方合作单位名称): say it once.
    const columnName =
      (titled?.startsWith(listName) && titled.length > listName.length ? titled.slice(listName.length) : titled) ??
      pathNames[`${list}.${column}`]?.[lang] ??
      column;
    return `${listName}${index === undefined ? '' : ` ${Number(index) + 1}`} · ${columnName}`;
  }
  const alias = formAliases[p];
  const named = formTitle(p) ?? (alias ? formTitle(alias) : undefined) ?? pathNames[p]?.[lang];
  if (named) return named;
  // A path no table knows (a newer pack): its last segment, never the dotted internals.
  return (
    p
      .split('.')
      .filter((s) => !/^\d+$/.test(s))
      .pop() ?? p
  );
}

type LabelledField = { path: string; title?: string; labels?: readonly string[] };

/** The field map's own label for each field and list column: the title it gives, else its first label. */
export function formTitlesOf(map: {
  fields: readonly LabelledField[];
  lists?: readonly { path: string; columns: readonly LabelledField[] }[];
}): Map<string, string> {
  const name = (f: LabelledField) => f.title ?? f.labels?.[0];
  const titles = new Map<string, string>();
  for (const f of map.fields) {
    const n = name(f);
    if (n) titles.set(f.path, n);
  }
  for (const list of map.lists ?? [])
    for (const c of list.columns) {
      const n = name(c);
      if (n) titles.set(`${list.path}.${c.path}`, n);
    }
  return titles;
}
