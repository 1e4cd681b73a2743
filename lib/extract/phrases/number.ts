/**
 * Numbers as guidelines print them, read from folded text (see ../fold.ts): "15000", "1 500", "15,000",
 * "0.65", and small Chinese numerals ("三", "十二", "两").
 */

/** Arabic digits, allowing a single space or comma between digits ("1 500", "15,000"). */
export const ARABIC = String.raw`\d(?:\d|[ ,](?=\d))*(?:\.\d+)?`;
export const CHINESE = '[一二两三四五六七八九十]{1,3}';
export const NUMBER = `(?:${ARABIC}|${CHINESE})`;

const digitOf: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The value of a NUMBER match, or NaN. */
export function readNumber(token: string): number {
  const t = token.trim();
  if (/^\d/.test(t)) return Number(t.replace(/[ ,]/g, ''));
  return readChineseNumber(t);
}

function readChineseNumber(t: string): number {
  const ten = t.indexOf('十');
  if (ten < 0) return t.length === 1 ? (digitOf[t] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : (digitOf[t.slice(0, ten)] ?? NaN);
  const unitPart = t.slice(ten + 1);
  const units = unitPart === '' ? 0 : (digitOf[unitPart] ?? NaN);
  return tens * 10 + units;
}
