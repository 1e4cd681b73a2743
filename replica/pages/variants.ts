import { directionGroups } from '../data/directions';
import { esc } from './html';
import { page } from './layout';

/**
 * Portal-like pages built differently from our own form, to prove the extension on pages it was not written
 * against. Each keeps its values only in the page (a reload is a session timeout: the page comes back empty).
 *
 * - spa: a Vue-like single-page form that renders after its first XHR, on a hash route, with labels above the
 *   inputs, no name or id on any control, and a 刷新 button that re-renders the whole form from its model.
 * - widgets: an EasyUI-style combobox (hidden value input + text box, items chosen in a drop-down panel), My97-style
 *   date pickers that write `.value` without events, a budget table whose labels sit in the row above their inputs,
 *   and a layer.open-style dialog that adds 参与单位 rows (its own `dwmc` input, rows as text plus hidden inputs).
 */

const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function spaVariantPage(opts: { sbbh: string }): string {
  const body = `<div id="app" class="spa-app">正在加载申报书…</div>
<script>
(function () {
  var groups = ${json(directionGroups())};
  var model = {};
  var layout = [
    ['申报编号', 'static'],
    ['*项目名称：', 'name'],
    ['项目英文名称', 'nameEn'],
    ['所属指南方向', 'direction', 'select'],
    ['项目执行期', 'start', 'date', 'end'],
    ['申报单位', 'heading'],
    ['单位名称', 'unit'],
    ['统一社会信用代码', 'credit'],
    ['项目负责人', 'heading'],
    ['姓名', 'pi'],
    ['经费预算', 'heading'],
    ['中央财政经费（万元）', 'central'],
    ['其他来源经费（万元）', 'other']
  ];
  function input(key, type) {
    var el = document.createElement('input');
    el.type = type === 'date' ? 'date' : 'text';
    el.className = 'el-input';
    el.value = model[key] || '';
    el.addEventListener('input', function () { model[key] = el.value; });
    return el;
  }
  function select(key) {
    var el = document.createElement('select');
    el.className = 'el-select';
    el.append(new Option('请选择', ''));
    groups.forEach(function (g) {
      var og = document.createElement('optgroup');
      og.label = g[0];
      g[1].forEach(function (d) { og.append(new Option(d.text, d.value)); });
      el.append(og);
    });
    el.value = model[key] || '';
    el.addEventListener('change', function () { model[key] = el.value; });
    return el;
  }
  function render() {
    var app = document.getElementById('app');
    var form = document.createElement('div');
    form.className = 'el-form';
    layout.forEach(function (row) {
      if (row[1] === 'heading') {
        var h = document.createElement('h3');
        h.className = 'section-title';
        h.textContent = row[0];
        form.append(h);
        return;
      }
      var item = document.createElement('div');
      item.className = 'el-form-item';
      var label = document.createElement('div');
      label.className = 'el-form-item__label';
      label.textContent = row[0];
      var content = document.createElement('div');
      content.className = 'el-form-item__content';
      if (row[1] === 'static') content.textContent = ${json(opts.sbbh)};
      else if (row[2] === 'select') content.append(select(row[1]));
      else {
        content.append(input(row[1], row[2]));
        if (row[3]) { content.append(' 至 '); content.append(input(row[3], row[2])); }
      }
      item.append(label, content);
      form.append(item);
    });
    var refresh = document.createElement('button');
    refresh.type = 'button';
    refresh.textContent = '刷新';
    refresh.className = 'btn spa-refresh';
    refresh.addEventListener('click', render);
    form.append(refresh);
    app.replaceChildren(form);
  }
  fetch('/egrantweb/api/load?sbbh=' + encodeURIComponent(${json(opts.sbbh)}))
    .then(function () { return new Promise(function (r) { setTimeout(r, 400); }); })
    .then(function () {
      history.pushState({}, '', '#/apply/basic');
      render();
      document.body.dataset.loaded = '1';
    });
})();
</script>`;
  return page({ title: '项目申报（新版）', menu: 'apply', body });
}

export function widgetsVariantPage(opts: { sbbh: string }): string {
  const items = directionGroups().flatMap(([, ds]) => ds);
  const body = `<h1 class="page-title">国家重点研发计划项目申报书</h1>
<table class="form-table">
<tr><td class="label">申报编号</td><td>${esc(opts.sbbh)}</td></tr>
<tr><td class="label">项目名称</td><td><input class="textbox" name="xmmc"></td></tr>
<tr><td class="label">指南方向</td><td><span class="combo"><input type="hidden" name="znfx" class="combo-value"><input class="combo-text textbox" name="znfx_text" readonly><span class="combo-arrow">▼</span></span>
<div class="combo-panel" hidden>${items.map((d) => `<div class="combobox-item" data-value="${esc(d.value)}">${esc(d.text)}</div>`).join('')}</div></td></tr>
<tr><td class="label">执行期限</td><td><input class="Wdate" name="ksrq"> 至 <input class="Wdate" name="jsrq"></td></tr>
</table>
<div class="wdate-panel" hidden><input class="wdate-input" placeholder="yyyy-MM-dd"><button type="button" class="wdate-ok">确定</button></div>
<h3 class="section-title">申报单位</h3>
<table class="form-table">
<tr><td class="label">单位名称</td><td><input class="textbox" name="dwmc"></td></tr>
<tr><td class="label">统一社会信用代码</td><td><input class="textbox" name="tyshxydm"></td></tr>
</table>
<h3 class="section-title">参与单位</h3>
<table class="list-table" id="cydw"><tr><th>单位名称</th><th>单位类型</th></tr></table>
<button type="button" class="btn add-unit">添加参与单位</button>
<h3 class="section-title">经费预算</h3>
<table class="form-table budget">
<tr><th>中央财政经费（万元）</th><th>其他来源经费（万元）</th></tr>
<tr><td><input class="textbox" name="zyczjf"></td><td><input class="textbox" name="qtlyjf"></td></tr>
</table>
<script>
(function () {
  var combo = document.querySelector('.combo');
  var panel = document.querySelector('.combo-panel');
  var value = combo.querySelector('.combo-value');
  var text = combo.querySelector('.combo-text');
  // editable:false, as EasyUI renders it: a readonly text box; the arrow or the box opens the list
  var toggle = function () { panel.hidden = !panel.hidden; };
  combo.querySelector('.combo-arrow').addEventListener('click', toggle);
  text.addEventListener('click', toggle);
  panel.addEventListener('click', function (e) {
    var it = e.target.closest('.combobox-item');
    if (!it) return;
    // as EasyUI does: values written by script, no input or change event
    value.value = it.dataset.value;
    text.value = it.textContent;
    panel.hidden = true;
  });

  var picker = document.querySelector('.wdate-panel');
  var target = null;
  document.querySelectorAll('.Wdate').forEach(function (el) {
    el.addEventListener('click', function () {
      target = el;
      picker.hidden = false;
      picker.querySelector('.wdate-input').value = el.value;
      el.after(picker);
    });
  });
  picker.querySelector('.wdate-ok').addEventListener('click', function () {
    target.value = picker.querySelector('.wdate-input').value; // My97 writes .value, fires nothing
    picker.hidden = true;
    document.body.append(picker);
  });

  document.querySelector('.add-unit').addEventListener('click', function () {
    var layer = document.createElement('div');
    layer.className = 'layui-layer';
    layer.innerHTML = '<div class="layui-layer-title">添加参与单位</div><table><tr><td class="label">单位名称</td><td><input name="dwmc"></td></tr>' +
      '<tr><td class="label">单位类型</td><td><select name="dwlx"><option>企业</option><option>科研院所</option><option>高等院校</option></select></td></tr></table>' +
      '<button type="button" class="layui-layer-btn0">确定</button>';
    document.body.append(layer);
    layer.querySelector('.layui-layer-btn0').addEventListener('click', function () {
      var name = layer.querySelector('input').value;
      var kind = layer.querySelector('select').value;
      var row = document.getElementById('cydw').insertRow();
      var c1 = row.insertCell(); c1.textContent = name;
      var h1 = document.createElement('input'); h1.type = 'hidden'; h1.name = 'cydw_dwmc'; h1.value = name; c1.append(h1);
      var c2 = row.insertCell(); c2.textContent = kind;
      layer.remove();
    });
  });
  document.body.dataset.loaded = '1';
})();
</script>`;
  return page({ title: '项目申报书（控件版）', menu: 'apply', body });
}

const SHELL_SECTIONS = [
  { key: 'basic', title: '基本信息' },
  { key: 'unit', title: '申报单位' },
  { key: 'budget', title: '经费预算' },
] as const;
export type ShellSection = (typeof SHELL_SECTIONS)[number]['key'];

/**
 * A frame shell: the menu on the left loads each section of the 申报书 as its own page into one frame; each section
 * page has its own 保存 (kept in the page's storage) and reloads after saving. `expired` opens every section empty.
 */
export function shellVariantPage(opts: { sbbh: string; expired: boolean }): string {
  const href = (s: string) =>
    `/egrantweb/variant/section.html?sbbh=${encodeURIComponent(opts.sbbh)}&s=${s}${opts.expired ? '&expired=1' : ''}`;
  const menu = SHELL_SECTIONS.map(
    (s) =>
      `<li><a class="shell-menu" data-section="${s.key}" href="${esc(href(s.key))}" target="mainFrame">${esc(s.title)}</a></li>`,
  ).join('');
  const body = `<div class="shell"><ul class="shell-nav">${menu}</ul>
<iframe name="mainFrame" class="shell-frame" src="${esc(href('basic'))}" style="width:100%;height:520px;border:0"></iframe></div>`;
  return page({ title: '申报书填写', menu: 'apply', body, data: { loaded: '1' } });
}

export function sectionVariantPage(opts: { sbbh: string; expired: boolean; section: string }): string {
  const section = SHELL_SECTIONS.find((s) => s.key === opts.section) ?? SHELL_SECTIONS[0];
  const row = (label: string, control: string) => `<tr><td class="label">${esc(label)}</td><td>${control}</td></tr>`;
  const input = (name: string, type = 'text') => `<input class="inp" type="${type}" name="${name}">`;
  const rows = {
    basic: [
      row('申报编号', esc(opts.sbbh)),
      row('项目名称', input('xmmc')),
      row(
        '指南方向',
        `<select name="znfx"><option value="">--请选择--</option>${directionGroups()
          .map(
            ([group, ds]) =>
              `<optgroup label="${esc(group)}">${ds.map((d) => `<option value="${esc(d.value)}">${esc(d.text)}</option>`).join('')}</optgroup>`,
          )
          .join('')}</select>`,
      ),
      row('执行期限', `${input('ksrq', 'date')} 至 ${input('jsrq', 'date')}`),
    ],
    unit: [row('单位名称', input('dwmc')), row('统一社会信用代码', input('tyshxydm'))],
    budget: [row('中央财政经费（万元）', input('zyczjf')), row('其他来源经费（万元）', input('qtlyjf'))],
  }[section.key];
  const storageKey = `shell:${opts.sbbh}:${section.key}`;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(section.title)}</title>
<link rel="stylesheet" href="/egrantweb/css/portal.css"></head>
<body><h3 class="section-title">${esc(section.title)}</h3>
<table class="form-table">${rows.join('')}</table>
<button type="button" class="btn section-save">保存</button>
<script>
(function () {
  var key = ${json(storageKey)};
  var controls = document.querySelectorAll('input[name], select[name]');
  var saved = ${opts.expired ? '{}' : 'JSON.parse(localStorage.getItem(key) || "{}")'};
  controls.forEach(function (c) { if (saved[c.name]) c.value = saved[c.name]; });
  document.querySelector('.section-save').addEventListener('click', function () {
    var values = {};
    controls.forEach(function (c) { values[c.name] = c.value; });
    localStorage.setItem(key, JSON.stringify(values));
    location.reload();
  });
  document.body.dataset.loaded = '1';
})();
</script></body></html>`;
}
