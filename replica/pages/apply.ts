import { directionGroups } from '../data/directions';
import {
  attachmentKinds,
  countries,
  degrees,
  idKinds,
  partnerMemberships,
  programs,
  titles,
  unitKinds,
} from '../data/vocabularies';
import { choiceGroup, groupedSelect, req, selectBox, textInput } from './controls';
import { esc } from './html';
import { page } from './layout';
import {
  ROW_INDEX,
  attachmentHeader,
  attachmentRow,
  participantHeader,
  participantRow,
  rowTemplate,
  sampleParticipants,
} from './repeatRows';

/**
 * The standard application form (table layout, pinyin field names, generated ids), as the portal
 * renders it. The 经费预算 section lives in a same-origin iframe (budgetFrame.ts).
 */

export interface ApplyPageOptions {
  sbbh: string;
  /** Show the form empty with the session-timeout notice */
  expired: boolean;
  /** Pre-filled 参与单位 rows (the large variant for the latency bench) */
  participants?: number;
}

const hd = (text: string) => `<tr><th class="hd" colspan="4">${esc(text)}</th></tr>`;
const label = (text: string, required = false) => `<td class="label">${esc(text)}${req(required)}</td>`;
/** A label cell and its value cell; `wide` spans the rest of the row */
const cell = (text: string, control: string, required = false, wide = false) =>
  `${label(text, required)}<td${wide ? ' colspan="3"' : ''}>${control}</td>`;

export function applyPage(opts: ApplyPageOptions): string {
  const participants = sampleParticipants(opts.participants ?? 0);
  const body = `<h1 class="page-title">国家重点研发计划项目申报书（正式申报）</h1>
<form id="aspnetForm" method="post" action="#">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY3NzI0NjM5Nw9kFgJmD2QWAgIDD2QWAg">
<table class="tb-form">
${hd('一、基本信息')}
<tr>${label('申报编号')}<td><span class="readonly-val" id="ctl00_cph_lblSbbh">${esc(opts.sbbh)}</span></td>${label('专业机构')}<td>中国科学技术交流中心</td></tr>
<tr>${cell('项目名称', textInput('xmxx.xmmc', { required: '项目名称' }), true, true)}</tr>
<tr>${cell('英文名称', textInput('xmxx.ywmc', { required: '英文名称' }), true, true)}</tr>
<tr>${cell('所属专项', selectBox('xmxx.sszx', programs, { required: '所属专项' }), true)}${cell('推荐单位', textInput('xmxx.tjdw'))}</tr>
<tr>${cell('指南方向', groupedSelect('xmxx.znfx', directionGroups(), { required: '指南方向' }), true, true)}</tr>
<tr>${cell('领域方向', textInput('xmxx.lyfx', { placeholder: '指南方向下设领域方向的，按指南填写' }), true, true)}</tr>
<tr>${cell(
    '执行期限',
    `${textInput('xmxx.zxqxks', { placeholder: 'yyyy-mm-dd', width: '120px', required: '执行期限（开始）' })} 至 ${textInput('xmxx.zxqxjs', { type: 'date', width: '140px', required: '执行期限（结束）' })}`,
    true,
    true,
  )}</tr>
</table>
<table class="tb-form">
${hd('二、申报单位')}
<tr>${cell('单位名称', textInput('sbdw.dwmc', { required: '申报单位名称' }), true, true)}</tr>
<tr>${cell('统一社会信用代码', textInput('sbdw.tyshxydm', { required: '统一社会信用代码' }), true)}${cell('单位性质', selectBox('sbdw.dwxz', unitKinds, { required: '单位性质' }), true)}</tr>
<tr>${cell('上级主管部门', textInput('sbdw.sjzgbm'), false, true)}</tr>
</table>
<table class="tb-form">${hd('三、参与单位')}</table>
<table class="tb-list" id="ctl00_cph_gvCydw">
${participantHeader}
<tbody data-repeat="cydw">${participants.map((v, i) => participantRow(i, v)).join('\n')}</tbody>
</table>
<div class="toolbar"><input type="button" class="btn" value="添加" data-action="add-row" data-repeat-target="cydw"></div>
<table class="tb-form">
${hd('四、项目负责人')}
<tr>${cell('姓名', textInput('xmfzr.xm', { required: '项目负责人姓名' }), true)}${cell(
    '性别',
    choiceGroup('radio', 'xmfzr.xb', [
      { value: '1', text: '男' },
      { value: '2', text: '女' },
    ]),
  )}</tr>
<tr>${cell('职称', selectBox('xmfzr.zc', titles, { required: '职称' }), true)}${cell('学位', selectBox('xmfzr.xw', degrees))}</tr>
<tr>${cell('出生日期', textInput('xmfzr.csrq', { placeholder: 'yyyy-mm-dd' }))}${cell('证件类型', selectBox('xmfzr.zjlx', idKinds))}</tr>
<tr>${cell('证件号码', textInput('xmfzr.zjhm', { required: '证件号码' }), true)}${cell('手机', textInput('xmfzr.sj', { required: '手机' }), true)}</tr>
<tr>${cell('电子邮箱', textInput('xmfzr.dzyx', { required: '电子邮箱' }), true)}${cell('每年投入项目工作时间（月）', textInput('xmfzr.trsj', { width: '60px' }))}</tr>
</table>
<table class="tb-form">
${hd('五、外方合作单位')}
<tr>${cell('名称', textInput('wfdw.mc'), false, true)}</tr>
<tr>${cell('国家/地区', selectBox('wfdw.gjdq', countries))}${cell('机构类型', selectBox('wfdw.jglx', unitKinds))}</tr>
<tr>${cell('外方负责人', textInput('wfdw.fzr'))}${cell('联系邮箱', textInput('wfdw.lxyx'))}</tr>
<tr>${cell('所属计划/资格', choiceGroup('checkbox', 'wfdw.zg', partnerMemberships), false, true)}</tr>
</table>
<table class="tb-form">
${hd('六、经费预算')}
<tr><td colspan="4"><iframe class="frame-budget" id="ctl00_cph_ifrJfys" name="ifrJfys" src="/egrantweb/xmsb/frame/jfys.html"></iframe></td></tr>
</table>
<table class="tb-form">
${hd('七、附件')}
<tr>${cell('附件类型', selectBox('fjsc.fjlx', attachmentKinds))}${label('选择文件')}<td><input type="file" name="fjsc.file" id="ctl00_cph_fuFile" data-repeat-target="fjxx"> <span class="hint">文件大小不超过20M</span></td></tr>
</table>
<table class="tb-list" id="ctl00_cph_gvFjxx">
${attachmentHeader}
<tbody data-repeat="fjxx"></tbody>
</table>
<div id="msg"></div>
<div class="btnbar"><input type="button" class="btn btn-main" value="保存" id="ctl00_cph_btnSave" data-action="save"> &nbsp; <input type="button" class="btn btn-main" value="提交" id="ctl00_cph_btnSubmit" data-action="submit"></div>
</form>
${rowTemplate('cydw', participantRow(ROW_INDEX))}
${rowTemplate('fjxx', attachmentRow(ROW_INDEX))}`;
  return page({
    title: '项目申报书填写',
    menu: 'apply',
    body,
    scripts: ['/egrantweb/js/apply.js'],
    data: { form: 'apply', sbbh: opts.sbbh, expired: opts.expired ? '1' : '0' },
  });
}
