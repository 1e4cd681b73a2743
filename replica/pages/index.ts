import { esc } from './html';
import { page } from './layout';

/** `/`: the replica's table of contents (not an application form itself). */

export interface ReplicaPageLink {
  path: string;
  title: string;
  note: string;
}

export function indexPage(links: ReplicaPageLink[]): string {
  const rows = links
    .map((l) => `<tr><td><a href="${esc(l.path)}">${esc(l.title)}</a></td><td class="hint">${esc(l.note)}</td></tr>`)
    .join('\n');
  const body = `<h1 class="page-title">门户仿真环境（GuideCheck 测试与演示用）</h1>
<p class="hint">本站点模拟国家科技管理信息系统公共服务平台的申报页面，仅用于本地测试与演示，数据保存在内存中，重启即清空。</p>
<table class="notice-list">
${rows}
</table>`;
  return page({ title: '仿真页面目录', menu: 'home', body });
}
