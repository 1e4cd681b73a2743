import { attrs, esc } from './html';

/**
 * The portal chrome every replica page shares: blue header bar with the system name, left menu,
 * footer. Mirrors the look of 国家科技管理信息系统公共服务平台 (an older ASP.NET/Java portal).
 */

export const SYSTEM_NAME = '国家科技管理信息系统公共服务平台';

export interface PageOptions {
  title: string;
  /** Which left-menu entry is highlighted */
  menu: 'apply' | 'notice' | 'home';
  body: string;
  /** Script URLs loaded at the end of the body */
  scripts?: string[];
  /** data-* attributes on <body> that tell the page script what it runs on */
  data?: Record<string, string>;
}

const MENU: { key: PageOptions['menu'] | 'other'; text: string; href: string }[] = [
  { key: 'home', text: '首页', href: '/' },
  { key: 'apply', text: '项目申报', href: '/egrantweb/xmsb/apply.html?sbbh=SQ2019YFE0100123' },
  { key: 'other', text: '申报书查询', href: '#' },
  { key: 'notice', text: '通知公告', href: '/egrantweb/notice/list.html' },
  { key: 'other', text: '单位信息维护', href: '#' },
  { key: 'other', text: '个人信息', href: '#' },
  { key: 'other', text: '修改密码', href: '#' },
];

export function page(opts: PageOptions): string {
  const data = Object.fromEntries(Object.entries(opts.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  const menu = MENU.map(
    (m) =>
      `<li${attrs({ class: m.key === opts.menu ? 'on' : undefined })}><a${attrs({ href: m.href })}>${esc(m.text)}</a></li>`,
  ).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(opts.title)} - ${SYSTEM_NAME}</title>
<link rel="stylesheet" href="/egrantweb/css/portal.css">
</head>
<body${attrs(data)}>
<div id="header">
  <div class="logo"><span class="emblem">★</span>${SYSTEM_NAME}</div>
  <div class="userinfo">欢迎您，张三（申报用户）&nbsp;|&nbsp;<a href="#">退出</a></div>
</div>
<div id="nav">当前位置：首页 &gt; ${esc(opts.title)}</div>
<div id="wrap">
  <div id="leftmenu"><div class="menu-hd">功能菜单</div><ul>${menu}</ul></div>
  <div id="main">
${opts.body}
  </div>
</div>
<div id="footer">版权所有 中华人民共和国科学技术部 &nbsp; 技术支持：国家科技管理信息系统运维中心<br>建议使用 1280×1024 分辨率浏览</div>
${(opts.scripts ?? []).map((src) => `<script type="module"${attrs({ src })}></script>`).join('\n')}
</body>
</html>
`;
}
