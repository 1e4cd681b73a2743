import { directionGroups } from '../data/directions';
import {
  attachmentKinds,
  countries,
  degrees,
  partnerMemberships,
  programs,
  titles,
  unitKinds,
} from '../data/vocabularies';
import { choiceGroup, groupedSelect, req, selectBox, textInput } from './controls';
import { esc } from './html';
import { page } from './layout';
import { ROW_INDEX, repeatRow, rowTemplate } from './repeatRows';

/**
 * A variant of the form with wording and markup our portal profile does not know (课题名称, 研究起止时间,
 * 承担单位…, a CSS grid of divs instead of label/value tables): the fixture of mapping mode.
 */

const section = (title: string) => `<div class="section-title">${esc(title)}</div>`;
/** Field ids of this variant: "kt_mc" style, from the name */
const idOf = (name: string) => name.replace(/\W/g, '_');
/** A label div and its value div; `wide` spans the rest of the grid row */
const field = (label: string, control: string, required = false, wide = false) =>
  `<div class="lbl">${esc(label)}${req(required)}</div><div${wide ? ' class="wide"' : ''}>${control}</div>`;
const text = (name: string, required?: string, placeholder?: string) =>
  textInput(name, { id: idOf(name), required, placeholder });

function partnerRow(i: number | typeof ROW_INDEX): string {
  const id = (stem: string) => `xzdw_ctl${i}_${stem}`;
  return repeatRow(i, [
    textInput(`xzdw[${i}].mc`, { id: id('mc') }),
    selectBox(`xzdw[${i}].sx`, unitKinds, { id: id('sx') }),
    textInput(`xzdw[${i}].ssbm`, { id: id('ssbm') }),
    textInput(`xzdw[${i}].zxzj`, { id: id('zxzj'), width: '80px' }),
    textInput(`xzdw[${i}].zyzj`, { id: id('zyzj'), width: '80px' }),
  ]);
}

function materialRow(i: number | typeof ROW_INDEX): string {
  const id = (stem: string) => `clfj_ctl${i}_${stem}`;
  return repeatRow(i, [
    selectBox(`clfj[${i}].lx`, attachmentKinds, { id: id('lx') }),
    textInput(`clfj[${i}].wjm`, { id: id('wjm'), readonly: true }),
  ]);
}

export function applyV2Page(opts: { sbbh: string; expired: boolean }): string {
  const body = `<h1 class="page-title">国家重点研发计划课题申报书</h1>
<form id="ktsbForm" method="post" action="#">
${section('一、课题基本信息')}
<div class="grid">
${field('申请编号', `<span class="readonly-val">${esc(opts.sbbh)}</span>`)}${field('受理机构', '中国科学技术交流中心')}
${field('课题名称', text('kt.mc', '课题名称'), true, true)}
${field('课题英文名称', text('kt.ywmc', '课题英文名称'), true, true)}
${field('归口专项', selectBox('kt.gkzx', programs, { id: idOf('kt.gkzx'), required: '归口专项' }), true, true)}
${field('申报方向', groupedSelect('kt.sbfx', directionGroups(), { id: idOf('kt.sbfx'), required: '申报方向' }), true, true)}
${field('研究起止时间', `${text('kt.ksrq', '研究起始时间', 'yyyy-mm-dd')} — ${textInput('kt.jsrq', { id: idOf('kt.jsrq'), type: 'date', required: '研究截止时间' })}`, true, true)}
</div>
${section('二、承担单位')}
<div class="grid">
${field('承担单位名称', text('cddw.mc', '承担单位名称'), true, true)}
${field('社会信用代码', text('cddw.xydm', '社会信用代码'), true)}${field('机构属性', selectBox('cddw.sx', unitKinds, { id: idOf('cddw.sx') }))}
${field('主管部门', text('cddw.zgbm'), false, true)}
</div>
${section('三、参与单位（协作单位）')}
<table class="tb-list" id="tbXzdw">
<tr><th>序号</th><th>协作单位名称</th><th>机构属性</th><th>所属部门</th><th>申请专项资金（万元）</th><th>自有资金（万元）</th><th>操作</th></tr>
<tbody data-repeat="xzdw"></tbody>
</table>
<div class="toolbar"><input type="button" class="btn" value="增加协作单位" data-action="add-row" data-repeat-target="xzdw"></div>
${section('四、课题负责人')}
<div class="grid">
${field('负责人姓名', text('fzr.xm', '负责人姓名'), true)}${field(
  '性别',
  choiceGroup('radio', 'fzr.xb', [
    { value: 'M', text: '男' },
    { value: 'F', text: '女' },
  ]),
)}
${field('专业技术职务', selectBox('fzr.zw', titles, { id: idOf('fzr.zw') }))}${field('最高学位', selectBox('fzr.xw', degrees, { id: idOf('fzr.xw') }))}
${field('出生年月', text('fzr.csny', undefined, 'yyyy-mm'))}${field('身份证件号', text('fzr.sfzh', '身份证件号'), true)}
${field('移动电话', text('fzr.yddh'))}${field('邮箱地址', text('fzr.yx'))}
${field('年投入工作月数', text('fzr.trys'), false, true)}
</div>
${section('五、国际合作伙伴')}
<div class="grid">
${field('合作机构名称', text('hzhb.jgmc'), false, true)}
${field('所在国家', selectBox('hzhb.gj', countries, { id: idOf('hzhb.gj') }))}${field('机构性质', selectBox('hzhb.xz', unitKinds, { id: idOf('hzhb.xz') }))}
${field('合作资格', choiceGroup('checkbox', 'hzhb.zg', partnerMemberships), false, true)}
</div>
${section('六、经费预算')}
<div class="grid">
${field('申请专项资金（万元）', text('ys.zxzj', '申请专项资金'), true)}${field('自筹及其他资金（万元）', text('ys.zczj'))}
</div>
${section('七、附件材料')}
<div class="grid upload">
${field('材料类型', selectBox('clsc.lx', attachmentKinds, { id: idOf('clsc.lx') }))}${field('上传文件', '<input type="file" name="clsc.file" id="clsc_file" data-repeat-target="clfj">')}
</div>
<table class="tb-list" id="tbClfj">
<tr><th>序号</th><th>材料类型</th><th>文件名</th><th>操作</th></tr>
<tbody data-repeat="clfj"></tbody>
</table>
<div id="msg"></div>
<div class="btnbar"><input type="button" class="btn btn-main" value="暂存" data-action="save"> &nbsp; <input type="button" class="btn btn-main" value="提交" data-action="submit"></div>
</form>
${rowTemplate('xzdw', partnerRow(ROW_INDEX))}
${rowTemplate('clfj', materialRow(ROW_INDEX))}`;
  return page({
    title: '课题申报书填写',
    menu: 'apply',
    body,
    scripts: ['/egrantweb/js/apply.js'],
    data: { form: 'apply-v2', sbbh: opts.sbbh, expired: opts.expired ? '1' : '0' },
  });
}
