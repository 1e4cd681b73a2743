import { describe, expect, it } from 'vitest';
import { parseBudget } from '@/lib/extract/phrases/budget';
import { parseDuration } from '@/lib/extract/phrases/duration';
import { parsePlannedProjects } from '@/lib/extract/phrases/plannedProjects';

describe('parsePlannedProjects', () => {
  it.each([
    ['3个', 3, 3, false, '3个'],
    ['2-3个', 2, 3, false, '2-3个'],
    ['20个项目左右', 20, 20, true, '20个项目左右'],
    ['10个左右', 10, 10, true, '10个左右'],
    ['5~6 个', 5, 6, false, '5~6 个'],
    ['3项', 3, 3, false, '3项'],
    ['35-40个左右', 35, 40, true, '35-40个左右'],
    ['３个', 3, 3, false, '３个'],
    ['1 5个', 15, 15, false, '1 5个'],
    ['约10个', 10, 10, true, '约10个'],
    ['擬支持項目數：3個', 3, 3, false, '3個'],
    ['拟支持项目数：3个（每个领域方向1个项目）。', 3, 3, false, '3个'],
    ['20-25 个左右', 20, 25, true, '20-25 个左右'],
    ['三个', 3, 3, false, '三个'],
    // An upper bound states no lower one: "不超过 6 个" is 0..6, not exactly 6.
    ['拟支持项目数：不超过 6 个。', 0, 6, false, '不超过 6 个'],
    ['6个以内', 0, 6, false, '6个以内'],
    ['最多4项', 0, 4, false, '最多4项'],
    ['3至5个', 3, 5, false, '3至5个'],
  ])('%s', (text, min, max, approx, printed) => {
    expect(parsePlannedProjects(text)).toEqual({ min, max, approx, text: printed });
  });

  it.each(['若干', '共拟支持经费：600万元', ''])('%s has no count', (text) => {
    expect(parsePlannedProjects(text)).toBeUndefined();
  });
});

describe('parseBudget', () => {
  it.each([
    ['15000万元人民币', 15000, '15000万元人民币'],
    ['0.65亿元', 6500, '0.65亿元'],
    ['450万元', 450, '450万元'],
    ['1 500万元', 1500, '1 500万元'],
    ['6000 万元人民币', 6000, '6000 万元人民币'],
    ['１５００万元', 1500, '１５００万元'],
    ['共擬支持經費：1000萬元', 1000, '1000萬元'],
    ['15,000万元', 15000, '15,000万元'],
    ['3,000,000元', 300, '3,000,000元'],
    ['国拨经费总概算：900万元', 900, '900万元'],
    ['拟支持经费：1.2 亿元。', 12000, '1.2 亿元'],
  ])('%s', (text, amount, printed) => {
    expect(parseBudget(text)).toEqual({ amount, text: printed });
  });

  it.each(['各自投入至少 1250万美元', '拟支持项目数：3个', ''])('%s has no CNY amount', (text) => {
    expect(parseBudget(text)).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it.each([
    ['原则上不超过 3 年', undefined, 36, true, '原则上不超过 3 年'],
    ['项目执行期原则上不超过 3 年。', undefined, 36, true, '原则上不超过 3 年'],
    ['为2年', 24, 24, false, '为2年'],
    ['每个项目实施期为 2 年。', 24, 24, false, '为 2 年'],
    ['2~3年', 24, 36, false, '2~3年'],
    ['2-3年', 24, 36, false, '2-3年'],
    ['每个项目实施期为 2~3 年', 24, 36, false, '为 2~3 年'],
    ['不少于6个月', 6, undefined, false, '不少于6个月'],
    ['不超过36个月', undefined, 36, false, '不超过36个月'],
    ['３年以内', undefined, 36, false, '３年以内'],
    ['不超过三年', undefined, 36, false, '不超过三年'],
    ['18至24个月', 18, 24, false, '18至24个月'],
    ['每個項目執行期為２年', 24, 24, false, '為２年'],
    // "一般" (as a rule) allows exceptions like "原则上": a warning, not an error.
    ['项目执行期一般为3年', 36, 36, true, '一般为3年'],
    ['项目执行期为 2 至 3 年。', 24, 36, false, '为 2 至 3 年'],
    ['工作时间不得少于 6 个月', 6, undefined, false, '不得少于 6 个月'],
  ])('%s', (text, minMonths, maxMonths, inPrinciple, printed) => {
    const phrase = parseDuration(text);
    expect(phrase).toBeDefined();
    expect(phrase!.minMonths).toBe(minMonths);
    expect(phrase!.maxMonths).toBe(maxMonths);
    expect(phrase!.inPrinciple).toBe(inPrinciple);
    expect(phrase!.text).toBe(printed);
  });

  it.each([
    '中美双方政府应于 2016至 2020年各自投入',
    '根据 2014年《中美元首北京会晤主要共识与成果》',
    '项目执行年限等信息必须一致',
  ])('%s is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
