import type { UnitType } from '../application/model';
import { toHalfWidth } from './text';

/**
 * Values as applicants type them into the portal, parsed into the application model's units.
 * Each parser returns undefined for text it cannot read, so the engine says "cannot tell".
 */

/** "2020-01-01", "2020/1/1", "2020.1.1", "2020年1月1日", "20200101", "2020-01" → "2020-01-01" */
export function parseDate(raw: string): string | undefined {
  const s = toHalfWidth(raw).trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day = '1'] = [Number(m[1]), Number(m[2]), m[3]];
  const d = Number(day);
  if (month < 1 || month > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An amount in 万元. `unit` is the field's unit from its label ("（元）" or "（万元）");
 * a unit typed into the value wins ("150万元", "1,500,000元").
 */
export function parseAmount(raw: string, unit: 'yuan' | 'wan' = 'wan'): number | undefined {
  let s = toHalfWidth(raw)
    .replace(/[,，\s]/g, '')
    .trim();
  if (s === '') return undefined;
  let factor = unit === 'yuan' ? 1 / 10000 : 1;
  const suffix = /(亿|万)?元?$/.exec(s)?.[0] ?? '';
  if (suffix) {
    factor = suffix.startsWith('亿') ? 10000 : suffix.startsWith('万') ? 1 : 1 / 10000;
    s = s.slice(0, -suffix.length);
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Math.round(Number(s) * factor * 1e6) / 1e6;
}

/**
 * The unit a label announces: "国拨经费（元）", "金额（单位：人民币元）", "经费 单位：元" → yuan; "（万元）" or no unit → 万元.
 */
export function unitOfLabel(label: string): 'yuan' | 'wan' {
  const s = toHalfWidth(label).replace(/\s+/g, '');
  const unit = /[(（【[]([^()（）【】[\]]*元)[)）】\]]/.exec(s)?.[1] ?? /单位[:：]?(人民币)?(万?元)/.exec(s)?.[2] ?? '';
  return unit && !unit.includes('万') ? 'yuan' : 'wan';
}

const unitTypeWords: [RegExp, UnitType][] = [
  [/国家机关|政府机关|行政机关/, 'stateOrgan'],
  [/其他事业单位/, 'publicInstitution'],
  [/企业|公司|集团/, 'enterprise'],
  [/高等|院校|大学|学院/, 'university'],
  [/科研|研究所|研究院|院所|事业单位/, 'institute'],
  [/其他|其它/, 'other'],
];

/** "企业" / "高等院校" / "科研院所" / "国家机关" → the model's unit type. */
export function parseUnitType(raw: string): UnitType | undefined {
  return unitTypeWords.find(([re]) => re.test(raw))?.[1];
}

/** "1.4 中国和瑞典政府间科技合作项目" → { code: "1.4", title: "中国和瑞典政府间科技合作项目" } */
export function parseDirectionText(raw: string): { code: string; title: string } | undefined {
  const m = /^\s*(\d+\.\d+)\s*(.*)$/.exec(toHalfWidth(raw));
  return m ? { code: m[1]!, title: m[2]!.trim() } : undefined;
}
