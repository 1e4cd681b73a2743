/** Text normalising shared by the page reader: labels and values as the portal prints them. */

/** Full-width ASCII (０-９, Ａ-Ｚ, ．，) to half-width; ideographic space to space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A label as printed ("*项目名称：", "项目名称 (必填)") reduced to its words. */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[*＊:：]/g, '')
    .replace(/\((必填|选填)\)/g, '');
}

/** A label without its unit, so "中央财政经费（元）" matches "中央财政经费"; the unit is read from the page's own label. */
export function labelKey(s: string): string {
  return normalizeLabel(s).replace(/[(（][^()（）]*[)）]$/, '');
}
