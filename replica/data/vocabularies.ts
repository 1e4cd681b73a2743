/** The fixed option lists of the replica's selects and checkboxes (the portal's own wording). */

export interface Choice {
  value: string;
  text: string;
}

/** 所属专项: the two programs of the seeds plus others the portal lists */
export const programs: Choice[] = [
  { value: 'ZX2019-05', text: '政府间国际科技创新合作/港澳台科技创新合作重点专项' },
  { value: 'ZX2020-11', text: '战略性科技创新合作重点专项' },
  { value: 'ZX2019-01', text: '合成生物学重点专项' },
  { value: 'ZX2019-02', text: '纳米科技重点专项' },
];

/** 单位性质 / 单位类型 / 机构类型 */
export const unitKinds: Choice[] = [
  { value: '1', text: '企业' },
  { value: '2', text: '高等院校' },
  { value: '3', text: '科研院所' },
  { value: '4', text: '国家机关' },
  { value: '5', text: '其他事业单位' },
  { value: '9', text: '其他' },
];

export const titles: Choice[] = ['正高级', '教授', '研究员', '副教授', '副研究员', '高级工程师', '工程师', '其他'].map(
  (t, i) => ({ value: String(i + 1).padStart(2, '0'), text: t }),
);

export const degrees: Choice[] = ['博士', '硕士', '学士', '其他'].map((t, i) => ({ value: String(i + 1), text: t }));

export const idKinds: Choice[] = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证'].map(
  (t, i) => ({
    value: String(i + 1),
    text: t,
  }),
);

export const countries: Choice[] = [
  '美国',
  '欧盟',
  '瑞典',
  '挪威',
  '奥地利',
  '韩国',
  '日本',
  '缅甸',
  '南非',
  '克罗地亚',
  '中国香港',
  '中国澳门',
  '中国台湾',
  '其他',
].map((t, i) => ({ value: `GJ${String(i + 1).padStart(3, '0')}`, text: t }));

/** 所属计划/资格 of the foreign partner */
export const partnerMemberships: Choice[] = [
  { value: 'RIKEN', text: '理化学研究所职员' },
  { value: 'FME', text: '挪威FME中心成员' },
  { value: 'SFI', text: '挪威SFI中心成员' },
  { value: 'H2020', text: '地平线2020正式参与方' },
  { value: 'INTPART', text: '挪威INTPART项目参与方' },
];

/** 附件类型 */
export const attachmentKinds: Choice[] = [
  { value: 'FJ01', text: '合作协议或合作意向书（含知识产权条款）' },
  { value: 'FJ02', text: '外方合作意向书' },
  { value: 'FJ03', text: '地平线2020申请书（英文）' },
  { value: 'FJ04', text: '预算及中方研究内容中文翻译' },
  { value: 'FJ05', text: '数据管理计划' },
  { value: 'FJ06', text: '半页英文摘要' },
  { value: 'FJ07', text: '知识产权协议' },
  { value: 'FJ99', text: '其他' },
];
