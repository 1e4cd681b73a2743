/**
 * The portal variants built unlike our replica form (replica/pages/variants2.ts, the SPA of variants.ts), as
 * browser-neutral scenarios: what a user types and picks, where the warnings' markers must show, and how the restore
 * after a session timeout is judged. variants.chromium (Playwright) and variants2.firefox (Puppeteer) each carry them
 * out with their own driver.
 */

export const DIRECTION = '1.7 中国和奥地利政府间科技合作项目';
export const DURATION = '2019-intl-1/1.7/duration-max-2y';
export const FUNDING = '2019-intl-1/1.7/funding-far-above-average';

/** A control: by CSS, or (the page gives it no name or id) by the label of its row and its place in that row. */
export type ControlRef = string | { row: string; label: string; index?: number };

export type VariantStep =
  | { fill: ControlRef; value: string }
  | { select: ControlRef; label: string }
  /** a tab swapped into the same region: its button, then its body */
  | { tab: string }
  /** the panel's heading names the direction */
  | { direction: true }
  /** these warnings failing within 1 s of the last change, a marker beside each of `beside` */
  | { warnings: string[]; beside: ControlRef[] }
  /** the panel's text lacks this (a 元 amount never shown as 万元) */
  | { panelLacks: string };

export interface VariantScenario {
  name: string;
  title: string;
  sbbh: string;
  path: string;
  steps: VariantStep[];
  /** the saved draft's budget.central (the draft keeps the page's own unit) and, for tabs, its end date */
  saved: Record<string, string>;
  /** after the restore: a button that renders the form again from the page's model */
  rerender?: string;
  /** inputs whose ids the page generates anew on each render: none may survive the re-render */
  generatedIds?: string;
  /** restored and checked tab by tab (each twice); otherwise the form's visible values before and after */
  tabs?: Record<string, Record<string, string>>;
}

const spaControl = (label: string, index = 0): ControlRef => ({ row: '.el-form-item', label, index });
const genControl = (label: string, index = 0): ControlRef => ({ row: '#gen-app tr', label, index });

export const variantScenarios: VariantScenario[] = [
  {
    name: 'spa',
    title: 'spa: renders after its first XHR, no names or ids, labels above inputs, its own re-render',
    sbbh: 'SQ2021VARSPA1',
    path: '/egrantweb/variant/spa.html',
    steps: [
      { fill: spaControl('项目名称'), value: '中奥量子信息科学联合研究' },
      { fill: spaControl('项目英文名称'), value: 'China-Austria Quantum' },
      { select: spaControl('所属指南方向'), label: DIRECTION },
      { direction: true },
      { fill: spaControl('项目执行期', 0), value: '2020-01-01' },
      { fill: spaControl('单位名称'), value: '示例大学' },
      { fill: spaControl('统一社会信用代码'), value: '12100000400012345X' },
      { fill: spaControl('姓名'), value: '李明' },
      { fill: spaControl('其他来源经费'), value: '50' },
      { fill: spaControl('中央财政经费'), value: '450' },
      { fill: spaControl('项目执行期', 1), value: '2022-12-31' },
      { warnings: [DURATION, FUNDING], beside: [spaControl('项目执行期', 1), spaControl('中央财政经费')] },
    ],
    saved: { 'budget.central': '450' },
    rerender: '.spa-refresh',
  },
  {
    name: 'wording',
    title: 'wording: other label wording, labels a row above their inputs, 元 beside 万元',
    sbbh: 'SQ2021VARWRD1',
    path: '/egrantweb/variant/wording.html',
    steps: [
      { fill: '[name=p_cn_title]', value: '中奥量子信息科学联合研究' },
      { select: '[name=p_track]', label: DIRECTION },
      { direction: true },
      { fill: '[name=p_from]', value: '2020-01-01' },
      { fill: '[name=p_keywords]', value: '量子；通信；国际合作' },
      { fill: '[name=org_title]', value: '示例大学' },
      { fill: '[name=org_code]', value: '12100000400012345X' },
      { fill: '[name=leader_name]', value: '李明' },
      { fill: '[name=fund_self_wan]', value: '50' },
      { fill: '[name=fund_gov_yuan]', value: '4500000' }, // 元: 450 万元
      { fill: '[name=p_to]', value: '2022-12-31' },
      { warnings: [DURATION, FUNDING], beside: ['[name=p_to]', '[name=fund_gov_yuan]'] },
      { panelLacks: '4500000' },
    ],
    saved: { 'budget.central': '4500000' },
  },
  {
    name: 'generated',
    title: 'generated: names and ids new on every load and re-render; restored by label, kept after 刷新',
    sbbh: 'SQ2021VARGEN1',
    path: '/egrantweb/variant/generated.html',
    steps: [
      { fill: genControl('项目名称'), value: '中奥量子信息科学联合研究' },
      { select: genControl('指南方向'), label: DIRECTION },
      { direction: true },
      { fill: genControl('执行期限', 0), value: '2020-01-01' },
      { fill: genControl('推荐单位'), value: '教育部' },
      { fill: genControl('单位名称'), value: '示例大学' },
      { fill: genControl('统一社会信用代码'), value: '12100000400012345X' },
      { fill: genControl('项目关键词'), value: '量子；通信' },
      { fill: genControl('其他来源经费'), value: '50' },
      { fill: genControl('中央财政经费'), value: '450' },
      { fill: genControl('执行期限', 1), value: '2022-12-31' },
      { warnings: [DURATION, FUNDING], beside: [genControl('执行期限', 1), genControl('中央财政经费')] },
    ],
    saved: { 'budget.central': '450' },
    rerender: '.gen-refresh',
    generatedIds: '#gen-app input',
  },
  {
    name: 'tabs',
    title: 'tabs: sections swapped into the same region; the rules and the restore span the tabs',
    sbbh: 'SQ2021VARTAB1',
    path: '/egrantweb/variant/tabs.html',
    steps: [
      { fill: '[name=xmmc]', value: '中奥量子信息科学联合研究' },
      { select: '[name=znfx]', label: DIRECTION },
      { direction: true },
      { fill: '[name=ksrq]', value: '2020-01-01' },
      { tab: 'unit' },
      { fill: '[name=dwmc]', value: '示例大学' },
      { fill: '[name=tyshxydm]', value: '12100000400012345X' },
      { fill: '[name=dwdz]', value: '北京市海淀区' },
      { tab: 'budget' },
      { fill: '[name=qtlyjf]', value: '50' },
      { fill: '[name=zyczjf]', value: '450' },
      { tab: 'basic' },
      { fill: '[name=jsrq]', value: '2022-12-31' },
      // on 基本信息 the rules still know the budget typed on the 经费预算 tab, and the other way round
      { warnings: [DURATION, FUNDING], beside: ['[name=jsrq]'] },
      { tab: 'budget' },
      { warnings: [DURATION], beside: ['[name=zyczjf]'] },
    ],
    saved: { 'budget.central': '450', 'project.endDate': '2022-12-31' },
    tabs: {
      basic: { xmmc: '中奥量子信息科学联合研究', ksrq: '2020-01-01', jsrq: '2022-12-31' },
      unit: { dwmc: '示例大学', tyshxydm: '12100000400012345X', dwdz: '北京市海淀区' },
      budget: { zyczjf: '450', qtlyjf: '50' },
    },
  },
];

/** In the page: the control a ControlRef names (the first row whose label holds the words, as a reader finds it). */
export function findControl(ref: ControlRef): Element | null {
  if (typeof ref === 'string') return document.querySelector(ref);
  const row = Array.from(document.querySelectorAll(ref.row)).find((r) =>
    (r.querySelector('.el-form-item__label, td.label')?.textContent ?? '').includes(ref.label),
  );
  return row?.querySelectorAll('input, select')[ref.index ?? 0] ?? null;
}

/** In the page: what the form's visible controls hold, in page order (the SPA's controls have no name to key them by). */
export function formValues(): string[] {
  return Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#main input, #main select'))
    .filter((el) => el.type !== 'hidden' && !el.closest('.layui-layer, .wdate-panel'))
    .map((el) => el.value);
}

/** The share of the values filled before that the form shows again after. */
export function restoredShare(before: string[], after: string[]): number {
  const filled = before.map((v, i) => [v, after[i]] as const).filter(([v]) => v !== '');
  return filled.filter(([v, a]) => v === a).length / filled.length;
}

export const tabButton = (key: string) => `.tab[data-tab="${key}"]`;
export const tabBody = (key: string) => `#tab-body[data-tab="${key}"]`;
/** Each tab twice: its values stay when the page renders it again from its own model. */
export const tabRounds = ['basic', 'unit', 'budget', 'basic', 'unit', 'budget'];
