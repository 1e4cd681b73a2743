import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Condition } from '@/lib/engine/condition';
import { extractDraft } from '@/lib/extract/extract';
import { fold } from '@/lib/extract/fold';
import { corpusKeys } from './corpusKeys';

/**
 * Nothing invented: every number in a draft rule's condition occurs in the rule's own quote, allowing the
 * quote's units to be converted (亿元 → 万元, 年 → 月). Over every draft of the corpus and the seeds.
 */

const fixtures = join(import.meta.dirname, '../../fixtures/extract');
const texts = [
  ...corpusKeys.map((k) => join('corpus', k.file)),
  '2019-intl-batch1.txt',
  '2020-hmt.txt',
  'traditional.txt',
  'notice-quoting.txt',
];

const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Every number the quote states, in its own unit and converted. Wording that something must exist
 * ("须有企业参与", "须为…成员单位") states a count of one.
 */
function quoteNumbers(quote: string): Set<number> {
  const text = fold(quote);
  const found = new Set<number>();
  if (/(?:须|应|必须)(?:有|为)|参与|成员|职员/.test(text)) found.add(1);
  for (const m of text.matchAll(/(\d+(?:[ ,]\d{3})*(?:\.\d+)?|[一二两三四五六七八九十])/g)) {
    const n = m[1]! in CN ? CN[m[1]!]! : Number(m[1]!.replace(/[ ,]/g, ''));
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 10);
    found.add(n);
    if (/^\s*(?:[-~至到]\s*\S{1,3}\s*)?年/.test(after)) found.add(n * 12);
    if (/^\s*亿/.test(after)) found.add(Math.round(n * 10_000 * 10_000) / 10_000);
  }
  return found;
}

function conditionNumbers(c: Condition | undefined): number[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(conditionNumbers);
  if ('any' in c) return c.any.flatMap(conditionNumbers);
  if ('not' in c) return conditionNumbers(c.not);
  const out: number[] = [];
  for (const [key, value] of Object.entries(c)) {
    if (typeof value === 'number') out.push(value);
    else if (key === 'values' && Array.isArray(value))
      out.push(...value.filter((v): v is number => typeof v === 'number'));
    else if (value && typeof value === 'object' && 'fact' in value && typeof value.times === 'number')
      out.push(value.times);
    else if (
      value &&
      typeof value === 'object' &&
      ('op' in value || 'all' in value || 'any' in value || 'not' in value)
    )
      out.push(...conditionNumbers(value as Condition));
  }
  return out;
}

describe.each(texts)('%s', (file) => {
  const { pack } = extractDraft(readFileSync(join(fixtures, file), 'utf8'), { today: '2025-03-01' });
  const rules = [...pack.rules, ...pack.directions.flatMap((d) => d.rules)];

  it('has rules to check', () => expect(rules.length).toBeGreaterThan(0));

  it('every number in a condition comes from the rule’s quote', () => {
    const invented = rules.flatMap((rule) => {
      const stated = quoteNumbers(rule.quote);
      return [...conditionNumbers(rule.check), ...conditionNumbers(rule.when)]
        .filter((n) => !stated.has(n))
        .map((n) => `${rule.id}: ${n} not in "${rule.quote}"`);
    });
    expect(invented).toEqual([]);
  });
});

it('the check itself catches a number that is not in the quote', () => {
  expect(quoteNumbers('参与企业应提供至少与其获得的政府资助等额的配套出资。').has(1.5)).toBe(false);
  expect(quoteNumbers('项目执行期原则上不超过 3 年。').has(36)).toBe(true);
  expect(quoteNumbers('拟支持经费：1.2 亿元。').has(12000)).toBe(true);
  expect(conditionNumbers({ op: 'lte', field: 'budget.central', value: { fact: 'x', times: 1.5 } })).toEqual([1.5]);
});
