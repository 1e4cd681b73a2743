import { textInput } from './controls';

/**
 * /egrantweb/xmsb/frame/jfys.html: the 经费预算 sub-page the form embeds in a same-origin iframe,
 * as such portals do for sections maintained by another module. No chrome, its own small script.
 */
export function budgetFramePage(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>经费预算</title><link rel="stylesheet" href="/egrantweb/css/portal.css"></head>
<body style="background:#fff" data-form="jfys">
<form id="form1" method="post" action="#">
<table class="tb-form">
<tr><td class="label">中央财政经费（万元）<span class="req">*</span></td><td>${textInput('jfys.zyczjf', { required: '中央财政经费', width: '120px' })}</td>
<td class="label">其他来源经费（万元）</td><td>${textInput('jfys.qtlyjf', { width: '120px' })}</td></tr>
<tr><td class="label">经费合计（万元）</td><td>${textInput('jfys.hj', { readonly: true, width: '120px' })}</td>
<td colspan="2" class="hint">其他来源经费包括地方财政经费、单位出资及其他社会资金</td></tr>
</table>
</form>
<script type="module" src="/egrantweb/js/apply.js"></script>
</body>
</html>
`;
}
