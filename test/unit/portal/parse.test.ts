import { describe, expect, test } from 'vitest';
import { parseAmount, parseDate, parseDirectionText, parseUnitType } from '@/lib/portal/parse';

describe('parseDate', () => {
  test.each([
    ['2020-01-01', '2020-01-01'],
    ['2020/1/1', '2020-01-01'],
    ['2020.1.31', '2020-01-31'],
    ['2020年1月5日', '2020-01-05'],
    ['２０２２年１２月３１日', '2022-12-31'],
    ['20211231', '2021-12-31'],
    ['2021-06', '2021-06-01'],
    ['2021-13-01', undefined],
    ['明年', undefined],
    ['', undefined],
  ])('%s → %s', (raw, expected) => expect(parseDate(raw)).toBe(expected));
});

describe('parseAmount (万元)', () => {
  test.each<[string, 'yuan' | 'wan', number | undefined]>([
    ['300', 'wan', 300],
    ['1,200.5', 'wan', 1200.5],
    ['１,２００', 'wan', 1200],
    ['1 500', 'wan', 1500],
    ['2,000,000', 'yuan', 200],
    ['150万元', 'yuan', 150],
    ['1500000元', 'wan', 150],
    ['0.65亿元', 'wan', 6500],
    ['约300', 'wan', undefined],
    ['', 'wan', undefined],
  ])('%s (%s) → %s', (raw, unit, expected) => expect(parseAmount(raw, unit)).toBe(expected));
});

test.each([
  ['企业', 'enterprise'],
  ['高等院校', 'university'],
  ['科研院所', 'institute'],
  ['其他', 'other'],
  ['', undefined],
])('parseUnitType %s', (raw, expected) => expect(parseUnitType(raw)).toBe(expected));

test('parseDirectionText', () => {
  expect(parseDirectionText('1.4 中国和瑞典政府间科技合作项目')).toEqual({
    code: '1.4',
    title: '中国和瑞典政府间科技合作项目',
  });
  expect(parseDirectionText('1.9中国和韩国政府间联合研究项目')).toEqual({
    code: '1.9',
    title: '中国和韩国政府间联合研究项目',
  });
  expect(parseDirectionText('--请选择--')).toBeUndefined();
});
