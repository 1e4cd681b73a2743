import { fold } from './fold';

/**
 * PDF text → paragraphs. PDF extraction breaks lines anywhere (mid-word, mid-number, mid-email) and
 * leaves page footers ("— 4 —") and link targets ("mailto:…") in the text. Lines are joined with
 * nothing between them; a paragraph starts only at a line that opens with a structural marker.
 */

/** A direction heading: "1.4 中国和瑞典…", "1.9中国和韩国…", "2.0 中国和日本…". */
export const HEADING = /^(\d{1,2})\s*\.\s*(\d{1,2})(?!\d)\s*(?=[\u4e00-\u9fff(《“])/;
export const BUDGET_LABELS = ['共拟支持经费', '拟支持经费', '国拨经费总概算', '中央财政经费总概算', '拟安排国拨经费'];
const LABEL_WORDS = [
  '合作协议',
  '领域方向',
  '研究领域包括',
  '研究内容包括',
  '主要内容',
  '拟支持项目数',
  ...BUDGET_LABELS,
  '其他要求',
  '其它要求',
  '预期考核指标',
  '考核指标',
];
/**
 * "拟支持项目数：", "其它要求:", "其 他 要 求 ：" … (folded: the colon is half-width). Some texts space out
 * a label's characters; `labelName` gives the label without them.
 */
export const LABEL = new RegExp(`^(${LABEL_WORDS.map((w) => [...w].join('\\s*')).join('|')})\\s*:`);
export const labelName = (folded: string): string | undefined => LABEL.exec(folded)?.[1]?.replace(/\s+/g, '');
/** "1）" requirement items, "（1）" sub-items, "1. " area items, "二、" sections. */
export const ITEM = /^(?:\d{1,2}\s*\)|[①-⑳])/;
export const SUB_ITEM = /^\(\d{1,2}\)/;
export const AREA_ITEM = /^\d{1,2}\s*\.(?!\d)\s*\S/;
export const SECTION = /^[一二三四五六七八九十]{1,3}、/;

const FOOTER = /^[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}$|^第\s*\d+\s*页/;
const LINK_TARGET = /^mailto:\S+$/;
/** A heading closes its paragraph once its title is complete; otherwise the title continues on the next line. */
const COMPLETE_TITLE = /(项目|计划)$/;

function startsParagraph(folded: string): boolean {
  return [HEADING, LABEL, ITEM, SUB_ITEM, AREA_ITEM, SECTION].some((marker) => marker.test(folded));
}

export function toParagraphs(raw: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let closed = true;
  for (const rawLine of raw.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    const folded = fold(line);
    if (!line || FOOTER.test(folded) || LINK_TARGET.test(folded.replace(/[。.]$/, ''))) continue;
    if (closed || startsParagraph(folded)) {
      if (current) paragraphs.push(current);
      current = line;
    } else {
      current += line;
    }
    closed = HEADING.test(fold(current)) && COMPLETE_TITLE.test(fold(current));
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}
