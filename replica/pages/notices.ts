import { esc } from './html';
import { page } from './layout';

/** /egrantweb/notice/list.html: 通知公告, a page of the same host that is not an application form. */

const NOTICES: [string, string][] = [
  [
    '2019-03-28',
    '科技部关于发布国家重点研发计划“政府间国际科技创新合作/港澳台科技创新合作”重点专项2019年度第一批项目申报指南的通知',
  ],
  ['2019-04-10', '关于国家科技管理信息系统公共服务平台系统维护的公告'],
  ['2019-05-06', '关于2019年度第一批项目形式审查结果的公示'],
  ['2020-02-17', '“战略性科技创新合作”重点专项2020年度港澳台项目申报指南发布'],
  ['2020-03-02', '关于延长部分专项项目申报受理时间的通知'],
  ['2020-04-21', '国家科技管理信息系统公共服务平台用户操作手册（2020版）'],
];

export function noticeListPage(): string {
  const rows = NOTICES.map(
    ([date, title]) => `<tr><td>· <a href="#">${esc(title)}</a></td><td class="date">${esc(date)}</td></tr>`,
  ).join('\n');
  const body = `<h1 class="page-title">通知公告</h1>
<div class="toolbar">标题：<input type="text" name="keyword" class="inp" style="width:200px"> <input type="button" class="btn" value="查询"></div>
<table class="notice-list">
${rows}
</table>
<div class="toolbar hint">共 ${NOTICES.length} 条 &nbsp; 第 1/1 页</div>`;
  return page({ title: '通知公告', menu: 'notice', body });
}
