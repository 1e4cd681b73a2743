import { WISH } from './requirements';
import type { UnmappedReason } from './review';

/**
 * Which sentences carry a requirement, and why one that produced no rule was left to a person.
 * "应" counts unless it is part of 应用 / 应对 / 响应 / 相应 / 对应 / 供应 / 适应 / 效应.
 */
export const REQUIREMENT_WORDS =
  /须|(?<![响相对供适效])应(?![用对])|不得|不超过|原则上|一般(?!性)|至少|不少于|不低于|不高于|仅|只能|无效|不予受理|不支持|鼓励|优先|限/;

/** Clauses of a folded sentence: [start, end) spans between commas and semicolons. */
export function clauseSpans(folded: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= folded.length; i++) {
    if (i === folded.length || ',;。'.includes(folded[i]!)) {
      if (folded.slice(start, i).trim()) spans.push([start, i]);
      start = i + 1;
    }
  }
  return spans;
}

/** What the rule language cannot say yet, with the reason a person reads. */
const UNSUPPORTED: [RegExp, string][] = [
  [
    /负责人[^。]*(?:职称|学位)/,
    '项目负责人的职称或学位条件未能识别，请手工编码 (PI title or degree condition in a wording not recognised: encode by hand)',
  ],
  [
    /(?:出生|年龄|周岁)/,
    '出生日期或年龄条件未能识别，请手工编码（ageAt / onOrAfter）(birth-date or age limit in a wording not recognised: encode by hand with ageAt / onOrAfter)',
  ],
  [/课题/, '申请书模型中没有课题数 (the application model has no sub-task count)'],
];

export function unmappedReason(folded: string): { reason: UnmappedReason; note?: string } {
  if (WISH.test(folded)) return { reason: 'encouragement' };
  for (const [pattern, note] of UNSUPPORTED) if (pattern.test(folded)) return { reason: 'unsupported', note };
  if (/https?:|www\./.test(folded)) return { reason: 'reference' };
  if (/旨在|根据|针对|为实现|为推进/.test(folded)) return { reason: 'background' };
  return { reason: 'unrecognised' };
}
