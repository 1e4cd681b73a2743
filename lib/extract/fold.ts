/**
 * Folding for matching: full-width ASCII → half-width, ideographic space → space, and the traditional
 * characters our labels and phrases use → simplified. Folding keeps the length (one character in, one
 * out), so a match found in folded text cuts the same span from the original text: quotes stay as printed.
 */

const traditional =
  '擬拟項项數数個个經经費费萬万億亿協协議议領领實实務务執执預预計计劃划資资聯联繫系係系電电話话郵邮傳传單单報报無无須须與与' +
  '業业產产權权識识書书標标題题稱称負负責责長长為为於于內内並并應应雙双參参請请條条約约際际國国華华臺台灣湾門门陸陆區区發发' +
  '範范圍围時时間间關关號号學学醫医藥药術术網网絡络環环節节調调開开備备歐欧韓韩緬缅訊讯創创員员職职機机構构組组織织貼贴額额' +
  '錢钱撥拨總总貳贰語语譯译進进續续體体據据證证驗验頭头質质處处階阶級级屬属隸隶認认這这們们該该對对屆届會会簽签訂订';

const simplifiedOf = new Map<string, string>();
for (let i = 0; i + 1 < traditional.length; i += 2) simplifiedOf.set(traditional[i]!, traditional[i + 1]!);

export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  return simplifiedOf.get(c) ?? c;
}

/** Same length as `text`; see the file comment. */
export function fold(text: string): string {
  let out = '';
  for (const c of text) out += c.length === 1 ? foldChar(c) : c;
  return out;
}
