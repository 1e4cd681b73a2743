/**
 * The guideline directions the replica's 指南方向 select lists, copied by hand from the two seed
 * guidelines (/work/shared/seeds/000_… 2019 first batch, 004_… 2020 HMT). The portal shows them grouped
 * by guideline; option values are the portal's own generated codes, never the direction code itself.
 */

export interface ReplicaDirection {
  /** Direction code as printed in the guideline, e.g. "1.4" */
  code: string;
  title: string;
  /** The portal's option value */
  value: string;
}

export interface ReplicaGuideline {
  /** The <optgroup> label */
  label: string;
  /** The 所属专项 this guideline belongs to */
  program: string;
  directions: ReplicaDirection[];
}

/** "ZN2019-0104" for direction 1.4 of a 2019 guideline */
function direction(year: number, code: string, title: string): ReplicaDirection {
  const [major = '0', minor = '0'] = code.split('.');
  return { code, title, value: `ZN${year}-${major.padStart(2, '0')}${minor.padStart(2, '0')}` };
}

export const guidelines: ReplicaGuideline[] = [
  {
    label: '政府间国际科技创新合作/港澳台科技创新合作重点专项 2019年度第一批',
    program: '政府间国际科技创新合作/港澳台科技创新合作重点专项',
    directions: [
      ['1.1', '中美清洁能源联合研究中心政府间合作项目'],
      ['1.2', '中国和欧盟研究创新旗舰合作计划项目'],
      ['1.3', '中国和欧盟科技创新合作联合资助机制其他类研究创新合作项目'],
      ['1.4', '中国和瑞典政府间科技合作项目'],
      ['1.5', '中国和挪威能源科研创新中心合作项目'],
      ['1.6', '中国和挪威数字化领域合作项目'],
      ['1.7', '中国和奥地利政府间科技合作项目'],
      ['1.8', '中国和韩国政府间大型产学研联合研究项目'],
      ['1.9', '中国和韩国政府间联合研究项目'],
      ['2.0', '中国和日本理化学研究所（RIKEN）联合资助项目'],
      ['2.1', '中国和缅甸政府间联合研究项目'],
      ['2.2', '中国和南非政府间联合研究旗舰项目'],
      ['2.3', '中国和南非政府间联合研究项目'],
      ['2.4', '中国和克罗地亚政府间科技创新合作项目'],
      ['2.5', '内地与香港联合资助研发项目'],
      ['2.6', '内地与澳门联合资助研发项目'],
      ['2.7', '大陆与台湾联合资助研发项目'],
    ].map(([code, title]) => direction(2019, code!, title!)),
  },
  {
    label: '战略性科技创新合作重点专项 2020年度港澳台项目',
    program: '战略性科技创新合作重点专项',
    directions: [
      ['1.1', '内地与香港联合资助研发项目'],
      ['1.2', '大陆与台湾联合资助研发项目'],
    ].map(([code, title]) => direction(2020, code!, title!)),
  },
];

/** "1.4 中国和瑞典政府间科技合作项目": the option text the portal prints */
export function directionText(d: ReplicaDirection): string {
  return `${d.code} ${d.title}`;
}

/** The 指南方向 select's content: one [optgroup label, options] per guideline */
export function directionGroups(): [string, { value: string; text: string }[]][] {
  return guidelines.map((g) => [g.label, g.directions.map((d) => ({ value: d.value, text: directionText(d) }))]);
}
