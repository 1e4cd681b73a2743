import { directionGroups } from '../data/directions';
import { esc } from './html';
import { page } from './layout';

/**
 * Three more portal-like pages built unlike our own form (replica/pages/variants.ts has the first three). Each keeps
 * its values only in the page (a reload is a session timeout: the page comes back empty).
 *
 * - wording: other label wording (项目中文名称, 申报方向, 项目起始时间 / 项目截止时间, 牵头单位名称, 项目主持人姓名,
 *   申请中央财政资金（元）, 自筹资金（万元）), every label in the row above its input, 元 and 万元 fields side by side.
 * - generated: names and ids generated anew on every load and on every re-render (刷新), as component frameworks do.
 * - tabs: 基本信息 / 申报单位 / 经费预算 as tabs that render their section into the same region, from the page's model.
 */

const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const directionSelect = (name: string) =>
  `<select name="${name}"><option value="">请选择</option>${directionGroups()
    .map(
      ([group, ds]) =>
        `<optgroup label="${esc(group)}">${ds.map((d) => `<option value="${esc(d.value)}">${esc(d.text)}</option>`).join('')}</optgroup>`,
    )
    .join('')}</select>`;

/** Label cells in one row, their inputs in the next, column by column. */
function aboveRows(cells: [string, string][]): string {
  return `<tr>${cells.map(([label]) => `<td class="lbl">${esc(label)}</td>`).join('')}</tr>
<tr>${cells.map(([, control]) => `<td>${control}</td>`).join('')}</tr>`;
}

export function wordingVariantPage(opts: { sbbh: string }): string {
  const input = (name: string, type = 'text') => `<input class="inp" type="${type}" name="${name}">`;
  const body = `<h1 class="page-title">科技项目申请书</h1>
<div class="form-block"><div class="block-title">项目概况</div>
<table class="grid-form">
${aboveRows([
  ['申请书编号', esc(opts.sbbh)],
  ['*项目中文名称：', input('p_cn_title')],
])}
${aboveRows([
  ['*申报方向：', directionSelect('p_track')],
  ['关键词（3-5个）', input('p_keywords')],
])}
${aboveRows([
  ['*项目起始时间：', input('p_from', 'date')],
  ['*项目截止时间：', input('p_to', 'date')],
])}
</table></div>
<div class="form-block"><h3 class="section-title">承担单位信息</h3>
<table class="grid-form">
${aboveRows([
  ['*牵头单位名称：', input('org_title')],
  ['统一社会信用代码（18位）', input('org_code')],
])}
${aboveRows([
  ['*项目主持人姓名：', input('leader_name')],
  ['主持人手机号码', input('leader_mobile')],
])}
</table></div>
<div class="form-block"><h3 class="section-title">资金概算</h3>
<table class="grid-form">
${aboveRows([
  ['*申请中央财政资金（元）', input('fund_gov_yuan')],
  ['自筹资金（万元）', input('fund_self_wan')],
])}
${aboveRows([
  ['其中：间接费用（元）', input('fund_indirect_yuan')],
  ['备注', input('fund_note')],
])}
</table></div>
<script>document.body.dataset.loaded = '1';</script>`;
  return page({ title: '科技项目申请书（另一种措辞）', menu: 'apply', body });
}

export function generatedVariantPage(opts: { sbbh: string }): string {
  const body = `<div id="gen-app"></div>
<script>
(function () {
  var groups = ${json(directionGroups())};
  var model = {};
  var fields = [
    ['申报编号', 'static'], ['项目名称', 'name'], ['指南方向', 'direction', 'select'],
    ['执行期限', 'start', 'date', 'end'], ['推荐单位', 'recommender'], ['单位名称', 'unit', 'text', null, '申报单位'],
    ['统一社会信用代码', 'credit'], ['项目关键词', 'keywords'],
    ['中央财政经费（万元）', 'central', 'text', null, '经费预算'], ['其他来源经费（万元）', 'other']
  ];
  // a fresh id on every render, as component frameworks generate them
  var seq = 0;
  function gen() { seq++; return 'el-id-' + Math.floor(Math.random() * 9000 + 1000) + '-' + Date.now() % 100000 + seq; }
  function bind(el, key) {
    var id = gen();
    el.id = id; el.name = 'fld_' + id.replace(/-/g, '_');
    el.value = model[key] || '';
    el.addEventListener('input', function () { model[key] = el.value; });
    el.addEventListener('change', function () { model[key] = el.value; });
    return el;
  }
  function control(key, type) {
    if (type === 'select') {
      var s = document.createElement('select');
      s.append(new Option('请选择', ''));
      groups.forEach(function (g) {
        var og = document.createElement('optgroup'); og.label = g[0];
        g[1].forEach(function (d) { og.append(new Option(d.text, d.value)); });
        s.append(og);
      });
      return bind(s, key);
    }
    var i = document.createElement('input');
    i.type = type === 'date' ? 'date' : 'text';
    return bind(i, key);
  }
  function render() {
    var table = document.createElement('table');
    table.className = 'form-table';
    fields.forEach(function (f) {
      if (f[4]) {
        var h = table.insertRow().insertCell();
        h.colSpan = 2; h.className = 'hd'; h.textContent = f[4];
        h.outerHTML = '<th colspan="2" class="hd">' + f[4] + '</th>';
      }
      var row = table.insertRow();
      var l = row.insertCell(); l.className = 'label'; l.textContent = f[0];
      var c = row.insertCell();
      if (f[1] === 'static') { c.textContent = ${json(opts.sbbh)}; return; }
      c.append(control(f[1], f[2]));
      if (f[3]) { c.append(' 至 '); c.append(control(f[3], f[2])); }
    });
    var refresh = document.createElement('button');
    refresh.type = 'button'; refresh.className = 'btn gen-refresh'; refresh.textContent = '刷新';
    refresh.addEventListener('click', render);
    document.getElementById('gen-app').replaceChildren(table, refresh);
  }
  render();
  document.body.dataset.loaded = '1';
})();
</script>`;
  return page({ title: '项目申报书（动态编号）', menu: 'apply', body });
}

export function tabsVariantPage(opts: { sbbh: string }): string {
  const body = `<h1 class="page-title">项目申报书</h1>
<div class="tabs"><button type="button" class="tab" data-tab="basic">基本信息</button><button type="button" class="tab" data-tab="unit">申报单位</button><button type="button" class="tab" data-tab="budget">经费预算</button></div>
<div id="tab-body" class="tab-body"></div>
<script>
(function () {
  var directionHtml = ${json(directionSelect('znfx'))};
  var model = {};
  var tabs = {
    basic: ['基本信息', [['申报编号', 'static'], ['项目名称', 'xmmc'], ['指南方向', 'znfx', 'select'], ['执行期限', 'ksrq', 'date', 'jsrq']]],
    unit: ['申报单位', [['单位名称', 'dwmc'], ['统一社会信用代码', 'tyshxydm'], ['单位地址', 'dwdz']]],
    budget: ['经费预算', [['中央财政经费（万元）', 'zyczjf'], ['其他来源经费（万元）', 'qtlyjf']]]
  };
  function bind(el) {
    el.value = model[el.name] || '';
    el.addEventListener('input', function () { model[el.name] = el.value; });
    el.addEventListener('change', function () { model[el.name] = el.value; });
  }
  function show(key) {
    var tab = tabs[key];
    var html = '<h3 class="section-title">' + tab[0] + '</h3><table class="form-table">';
    tab[1].forEach(function (f) {
      var c;
      if (f[1] === 'static') c = ${json(esc(opts.sbbh))};
      else if (f[2] === 'select') c = directionHtml;
      else {
        c = '<input class="inp" type="' + (f[2] || 'text') + '" name="' + f[1] + '">';
        if (f[3]) c += ' 至 <input class="inp" type="' + f[2] + '" name="' + f[3] + '">';
      }
      html += '<tr><td class="label">' + f[0] + '</td><td>' + c + '</td></tr>';
    });
    var body = document.getElementById('tab-body');
    body.innerHTML = html + '</table>';
    body.dataset.tab = key;
    body.querySelectorAll('input[name], select[name]').forEach(bind);
    document.querySelectorAll('.tab').forEach(function (t) { t.classList.toggle('active', t.dataset.tab === key); });
  }
  document.querySelectorAll('.tab').forEach(function (t) {
    t.addEventListener('click', function () { show(t.dataset.tab); });
  });
  show('basic');
  document.body.dataset.loaded = '1';
})();
</script>`;
  return page({ title: '项目申报书（分页签）', menu: 'apply', body });
}
