import { attachmentKinds, unitKinds } from '../data/vocabularies';
import { selectBox, textInput } from './controls';
import { esc } from './html';

/**
 * Rows of the repeatable tables (参与单位, uploaded 附件). The server renders pre-filled rows and a
 * <template> with the placeholder index "__i__" (序号 "__n__") that the page script clones for 添加;
 * names ("cydw[3].dwmc") and GridView-style ids ("ctl00_cph_gvCydw_ctl3_txtDwmc") carry the row index.
 */

export const ROW_INDEX = '__i__';
export const ROW_NUMBER = '__n__';

export interface ParticipantValues {
  dwmc?: string;
  dwlx?: string;
  lsgx?: string;
  gbjf?: string;
  zcjf?: string;
}

/** One row: 序号, the value cells, 删除 */
export function repeatRow(i: number | typeof ROW_INDEX, cells: string[]): string {
  const n = i === ROW_INDEX ? ROW_NUMBER : i + 1;
  const body = cells.map((c) => `<td>${c}</td>`).join('');
  return `<tr class="repeat-row"><td class="xh">${n}</td>${body}<td><input type="button" class="btn" value="删除" data-action="delete-row"></td></tr>`;
}

export function participantRow(i: number | typeof ROW_INDEX, v: ParticipantValues = {}): string {
  const id = (ctl: string) => `ctl00_cph_gvCydw_ctl${i}_${ctl}`;
  return repeatRow(i, [
    textInput(`cydw[${i}].dwmc`, { id: id('txtDwmc'), value: v.dwmc, required: '参与单位名称' }),
    selectBox(`cydw[${i}].dwlx`, unitKinds, { id: id('ddlDwlx'), value: v.dwlx }),
    textInput(`cydw[${i}].lsgx`, { id: id('txtLsgx'), value: v.lsgx }),
    textInput(`cydw[${i}].gbjf`, { id: id('txtGbjf'), value: v.gbjf, width: '80px' }),
    textInput(`cydw[${i}].zcjf`, { id: id('txtZcjf'), value: v.zcjf, width: '80px' }),
  ]);
}

export const participantHeader =
  '<tr><th>序号</th><th>单位名称</th><th>单位类型</th><th>隶属关系/上级主管部门</th><th>国拨经费（万元）</th><th>自筹经费（万元）</th><th>操作</th></tr>';

/** An uploaded file (added by the page script): its kind stays editable, its name is shown read-only. */
export function attachmentRow(i: number | typeof ROW_INDEX): string {
  const id = (ctl: string) => `ctl00_cph_gvFjxx_ctl${i}_${ctl}`;
  return repeatRow(i, [
    selectBox(`fjxx[${i}].fjlx`, attachmentKinds, { id: id('ddlFjlx') }),
    textInput(`fjxx[${i}].wjmc`, { id: id('txtWjmc'), readonly: true }),
  ]);
}

export const attachmentHeader = '<tr><th>序号</th><th>附件类型</th><th>文件名称</th><th>操作</th></tr>';

/** The <template> the page script clones for a new row of `key` */
export function rowTemplate(key: string, rowHtml: string): string {
  return `<template data-repeat-template="${esc(key)}">${rowHtml}</template>`;
}

/** Sample rows for the large form (the latency bench): believable, all different. */
export function sampleParticipants(count: number): ParticipantValues[] {
  const cities = ['北京', '上海', '广州', '武汉', '成都', '西安', '南京', '杭州', '天津', '长沙'];
  return Array.from({ length: count }, (_, i) => ({
    dwmc: `${cities[i % cities.length]}第${i + 1}科技发展有限公司`,
    dwlx: unitKinds[i % unitKinds.length]!.value,
    lsgx: `${cities[i % cities.length]}市科学技术局`,
    gbjf: String(20 + i * 5),
    zcjf: String(30 + i * 6),
  }));
}
