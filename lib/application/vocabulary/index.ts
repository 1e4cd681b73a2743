/**
 * The closed vocabularies of the application model and their Chinese labels, zod-free so that the engine
 * (content script) can show "企业" for enterprise. The open vocabularies (titles, degrees, countries) are the
 * JSON files beside this one.
 */

/** 单位性质: 企业, 高等院校, 科研院所, 国家机关, 其他事业单位, 其他. */
export const unitTypes = ['enterprise', 'university', 'institute', 'stateOrgan', 'publicInstitution', 'other'] as const;

export const unitTypeLabels: Record<(typeof unitTypes)[number], string> = {
  enterprise: '企业',
  university: '高等院校',
  institute: '科研院所',
  stateOrgan: '国家机关',
  publicInstitution: '其他事业单位',
  other: '其他',
};

export const genders = ['male', 'female'] as const;
export const genderLabels: Record<(typeof genders)[number], string> = { male: '男', female: '女' };

/** 职称级别 / 学位级别, derived from the title / degree through lib/application/vocabulary/titles.json when not given. */
export const titleLevels = ['senior', 'associateSenior', 'intermediate', 'junior'] as const;
export const titleLevelLabels: Record<(typeof titleLevels)[number], string> = {
  senior: '正高级',
  associateSenior: '副高级',
  intermediate: '中级',
  junior: '初级',
};

export const degrees = ['doctorate', 'master', 'bachelor', 'other'] as const;

export const degreeLabels: Record<(typeof degrees)[number], string> = {
  doctorate: '博士',
  master: '硕士',
  bachelor: '学士',
  other: '其他',
};

/** The Chinese label of any closed-vocabulary value ("enterprise" → "企业"), or undefined. */
export const chineseLabels: Record<string, string> = {
  ...unitTypeLabels,
  ...genderLabels,
  ...titleLevelLabels,
  ...degreeLabels,
};
