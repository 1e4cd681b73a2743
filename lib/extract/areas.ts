/**
 * 领域方向: either a list on the label's line ("建筑节能、清洁汽车技术、煤的更清洁利用（包括碳捕获封存技术）。")
 * or numbered items ("1. 新一代信息网络：5G 通讯技术、光通讯技术…") whose "（1）" sub-items or listed
 * topics become sub-areas.
 */

export interface AreaDraft {
  name: string;
  subAreas: string[];
}

/** Longer than this, a topic is prose rather than a name. */
const NAME_MAX = 40;
const OPEN = '（(';
const CLOSE = '）)';

/** Split at any of `separators` outside brackets. */
export function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (OPEN.includes(c)) depth++;
    if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const trimEnd = (s: string) => s.replace(/[。．.；;，,、\s]+$/, '').trim();

/** "煤的更清洁利用（包括碳捕获封存技术）" → name and sub-areas from the brackets. */
function areaWithBracket(item: string): AreaDraft {
  const m = /^(.+?)[（(]([^（()）]+)[）)]$/.exec(item);
  if (!m) return { name: item, subAreas: [] };
  const inner = m[2]!.replace(/^(包括|如|含)/, '');
  return { name: m[1]!.trim(), subAreas: splitTopLevel(inner, '、，,').map(trimEnd) };
}

/**
 * The list on the label's line. Topics are separated by "；" when the line uses it (then "、" may sit
 * inside one topic: "食品、农业和生物技术"), otherwise by "、". A line with a top-level comma is prose
 * ("基于数字化技术，结合…"): one area, as printed.
 */
export function parseInlineAreas(text: string): AreaDraft[] {
  const body = trimEnd(text);
  if (!body) return [];
  const semicolons = splitTopLevel(body, '；;');
  if (semicolons.length > 1) return semicolons.map((s) => areaWithBracket(trimEnd(s)));
  if (splitTopLevel(body, '，,').length > 1) return [{ name: body, subAreas: [] }];
  return splitTopLevel(body, '、').map((s) => areaWithBracket(trimEnd(s)));
}

/** Up to the first "：" or "。"; a name longer than NAME_MAX is cut at its first comma as well. */
export function leadingName(text: string): string {
  const sentence = trimEnd(text.slice(0, /[：:。]/.exec(text)?.index ?? text.length));
  if (sentence.length <= NAME_MAX) return sentence;
  return trimEnd(sentence.slice(0, /[，,；;]/.exec(sentence)?.index ?? sentence.length));
}

/** "1. 新一代信息网络：5G 通讯技术、…。" → name and, when the rest is a short list, sub-areas. */
export function parseAreaItem(text: string): AreaDraft {
  const colon = /[：:]/.exec(text);
  const stop = /[。]/.exec(text);
  if (colon && (!stop || colon.index < stop.index)) {
    const name = trimEnd(text.slice(0, colon.index));
    const rest = text.slice(colon.index + 1);
    const listEnd = rest.indexOf('。');
    // "…、分布式系统（如区块链、物联网）等将为社会带来…": the list ends at "等" when prose follows.
    const list = (listEnd >= 0 ? rest.slice(0, listEnd) : rest).replace(/等[\u4e00-\u9fff].*$/, '');
    const topics = splitTopLevel(list, '；;').length > 1 ? splitTopLevel(list, '；;') : splitTopLevel(list, '、');
    const isList = topics.length > 1 && topics.every((t) => t.length <= NAME_MAX && !/[，,]/.test(t));
    return { name, subAreas: isList ? topics.map(trimEnd) : [] };
  }
  return { name: trimEnd(text.slice(0, text.indexOf('。') >= 0 ? text.indexOf('。') : text.length)), subAreas: [] };
}
