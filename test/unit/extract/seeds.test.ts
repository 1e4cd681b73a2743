import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDraft } from '@/lib/extract/extract';
import { parsePack } from '@/lib/packs/parsePack';
import { RulePack } from '@/lib/packs/schema';
import type { FactRow } from './corpusKeys';
import { factScore } from './score';

/**
 * The direction facts of both seeds, written by hand from the guideline text. Planned projects as
 * [min, max, approx]; budget in 万元; contacts as [name, email, phone] (emails re-joined where the PDF broke them).
 */
type Row = FactRow;

const seed2019: Row[] = [
  { code: '1.1', title: '中美清洁能源联合研究中心政府间合作项目', planned: [3, 3, false], budget: 15000, contacts: [] },
  {
    code: '1.2',
    title: '中国和欧盟研究创新旗舰合作计划项目',
    planned: [2, 3, false],
    budget: 4000,
    duration: '原则上不超过3年',
    contacts: [['欧方联系方式', 'Delegation-China-Scitech@eeas.europa.eu', undefined]],
  },
  {
    code: '1.3',
    title: '中国和欧盟科技创新合作联合资助机制其他类研究创新合作项目',
    planned: [20, 20, true],
    budget: 6000,
    duration: '原则上不超过3年',
    contacts: [['欧方联系方式', 'Delegation-China-Scitech@eeas.europa.eu', undefined]],
  },
  {
    code: '1.4',
    title: '中国和瑞典政府间科技合作项目',
    planned: [5, 6, false],
    budget: 2000,
    duration: '原则上不超过3年',
    contacts: [['Ciro Vasquez', 'ciro.vasquez@vinnova.se', '+46（0）8-4733130']],
  },
  {
    code: '1.5',
    title: '中国和挪威能源科研创新中心合作项目',
    planned: [3, 3, true],
    budget: 6000,
    duration: '原则上不超过3年',
    contacts: [
      ['Trygve Riis', 'tur@rcn.no', '+47-97684084'],
      ['Tone Ibenholt', 'ti@rcn.no', undefined],
    ],
  },
  {
    code: '1.6',
    title: '中国和挪威数字化领域合作项目',
    planned: [10, 10, true],
    budget: 6000,
    duration: '原则上不超过3年',
    contacts: [
      ['Philip Lorentzen', 'pl@rcn.no', '+47 4767 2350'],
      ['Olaug Råd', 'olr@rcn.no', '+47 2203 7243'],
    ],
  },
  {
    code: '1.7',
    title: '中国和奥地利政府间科技合作项目',
    planned: [14, 14, true],
    budget: 2800,
    duration: '原则上不超过2年',
    contacts: [['Michael Glatzl-Poss', 'michael.glatzl@oead.et', undefined]],
  },
  {
    code: '1.8',
    title: '中国和韩国政府间大型产学研联合研究项目',
    planned: [2, 2, false],
    budget: 1800,
    contacts: [['Yun Sook KIM', 'kkimys@nrf.re.kr', '+82-2-3460-5702']],
  },
  {
    code: '1.9',
    title: '中国和韩国政府间联合研究项目',
    planned: [6, 6, false],
    budget: 600,
    contacts: [['Yun Sook KIM', 'kkimys@nrf.re.kr', '+82-2-3460-5702']],
  },
  {
    code: '2.0',
    title: '中国和日本理化学研究所（RIKEN）联合资助项目',
    planned: [10, 10, false],
    budget: 3000,
    contacts: [['刘紫园', 'shien.liu@riken.jp', '+81-48-476-9261']],
  },
  {
    code: '2.1',
    title: '中国和缅甸政府间联合研究项目',
    planned: [10, 10, false],
    budget: 1500,
    contacts: [['Thi Thi Soe', 'thithisoe81@gmail.com', '+95-9444047198']],
  },
  {
    code: '2.2',
    title: '中国和南非政府间联合研究旗舰项目',
    planned: [1, 1, false],
    budget: 300,
    contacts: [['Ms.Nombuso Madonda', 'nombuso.madonda@nrf.ac.za', '+27-124814285']],
  },
  {
    code: '2.3',
    title: '中国和南非政府间联合研究项目',
    planned: [15, 15, false],
    budget: 2250,
    contacts: [['Ms.Nombuso Madonda', 'nombuso.madonda@nrf.ac.za', '+27-124814285']],
  },
  {
    code: '2.4',
    title: '中国和克罗地亚政府间科技创新合作项目',
    planned: [3, 3, false],
    budget: 450,
    contacts: [['Silvana Siebert', 'Silvana.Siebert@mzo.hr', '+385-1-4594-452']],
  },
  {
    code: '2.5',
    title: '内地与香港联合资助研发项目',
    planned: [25, 25, true],
    budget: 5000,
    duration: '2年',
    contacts: [
      ['袁美娟女士', 'mk.yuen@itc.gov.hk', '+852-28675872'],
      ['吕妙玲女士', 'prudence.lui@itc.gov.hk', '+852-36555927'],
    ],
  },
  {
    code: '2.6',
    title: '内地与澳门联合资助研发项目',
    planned: [10, 10, true],
    budget: 1600,
    duration: '2-3年',
    contacts: [['叶桂林', 'kuailam@fdct.gov.mo', '00853-66392829']],
  },
  {
    code: '2.7',
    title: '大陆与台湾联合资助研发项目',
    planned: [15, 15, true],
    budget: 1500,
    duration: '2-3年',
    contacts: [['张文諴', 'jasonchang@itri.org.tw', '00886-35914982']],
  },
];

const seed2020: Row[] = [
  {
    code: '1.1',
    title: '内地与香港联合资助研发项目',
    planned: [20, 25, true],
    budget: 5000,
    duration: '2年',
    contacts: [],
  },
  {
    code: '1.2',
    title: '大陆与台湾联合资助研发项目',
    planned: [15, 15, true],
    budget: 1500,
    duration: '2~3年',
    contacts: [],
  },
];

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/extract', name), 'utf8');
const seeds = [
  { name: '2019-intl-batch1.txt', rows: seed2019 },
  { name: '2020-hmt.txt', rows: seed2020 },
];

describe.each(seeds)('seed $name', ({ name, rows }) => {
  const { pack, review } = extractDraft(fixture(name), { today: '2025-03-01' });

  it('scores every direction fact (six per direction)', () => {
    const score = factScore({ pack, review }, rows);
    console.log(`${name}: facts ${score.right}/${score.total}`);
    expect(score).toEqual({ right: rows.length * 6, total: rows.length * 6, wrong: [] });
  });

  it('finds every direction, in order', () => {
    expect(pack.directions.map((d) => d.code)).toEqual(rows.map((r) => r.code));
  });

  it.each(rows)('$code: title, planned projects, budget, duration', (row) => {
    const d = pack.directions.find((x) => x.code === row.code)!;
    expect(d.title.zh).toBe(row.title);
    expect([d.plannedProjects?.min, d.plannedProjects?.max, d.plannedProjects?.approx]).toEqual(row.planned);
    expect(d.totalBudget?.amount).toBe(row.budget);
    expect(d.durationText).toBe(row.duration);
  });

  it.each(rows)('$code: contacts', (row) => {
    const d = pack.directions.find((x) => x.code === row.code)!;
    expect(d.contacts.map((c) => [c.name, c.email, c.phone])).toEqual(row.contacts);
  });

  it('validates against the pack schema and conventions', () => {
    const result = parsePack(JSON.parse(JSON.stringify(pack)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('gives every item a confidence between 0 and 1 and every rule a quote from the text', () => {
    const text = fixture(name).replace(/\s*\n\s*/g, '');
    for (const item of review.items) {
      expect(item.confidence).toBeGreaterThanOrEqual(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
    }
    for (const rule of pack.directions.flatMap((d) => d.rules)) {
      expect(text.replace(/— \d+ —/g, '')).toContain(rule.quote.replace(/\s*\n\s*/g, ''));
    }
  });
});

describe('seed specifics', () => {
  const p2019 = extractDraft(fixture('2019-intl-batch1.txt'), { today: '2025-03-01' });
  const p2020 = extractDraft(fixture('2020-hmt.txt'), { today: '2025-03-01' });
  const direction = (pack: typeof p2019.pack, code: string) => pack.directions.find((d) => d.code === code)!;
  const slugs = (pack: typeof p2019.pack, code: string) =>
    direction(pack, code).rules.map((r) => r.id.split('/').at(-1));

  it('keeps batch-level figures out of the directions', () => {
    expect(p2020.review.batch.plannedProjects).toMatchObject({ min: 35, max: 40, approx: true });
    expect(p2020.review.batch.totalBudget).toMatchObject({ amount: 6500 });
    expect(p2019.review.batch.plannedProjects).toMatchObject({ min: 154, max: 156, approx: true });
    expect(p2019.review.batch.durationText).toBe('一般为 2~3年');
    expect(p2020.pack.directions.map((d) => d.totalBudget?.amount)).not.toContain(6500);
  });

  it.each([
    ['1.2', 'unaffiliated-units-min-3', 'check'],
    ['1.2', 'enterprise-matching-funds', 'check'],
    ['1.2', 'both-sides-apply', 'confirm'],
    ['1.2', 'h2020-proposal-en', 'document'],
    ['1.2', 'h2020-participant', 'confirm'],
    ['1.2', 'duration-max-36m', 'check'],
    ['1.4', 'enterprise-in-team', 'check'],
    ['1.4', 'research-unit-in-team', 'check'],
    ['1.4', 'cooperation-agreement-ip', 'document'],
    ['1.5', 'partner-member-fme', 'check'],
    ['1.5', 'ip-agreement', 'document'],
    ['1.5', 'same-english-title-partners', 'confirm'],
    ['1.5', 'abstract-en', 'document'],
    ['1.6', 'data-management-plan', 'document'],
    ['1.6', 'lead-unit-research', 'check'],
    ['1.7', 'duration-max-24m', 'check'],
    ['1.8', 'enterprise-in-team', 'check'],
    ['2.0', 'partner-member-riken', 'check'],
    ['2.5', 'duration-24m', 'check'],
    ['2.5', 'consistent-with-partner', 'confirm'],
    ['2.6', 'duration-24-36m', 'check'],
  ])('2019 %s has rule %s (%s)', (code, slug, kind) => {
    const rule = direction(p2019.pack, code).rules.find((r) => r.id.endsWith(`/${slug}`));
    expect(rule?.kind).toBe(kind);
  });

  it('reads 2020 1.2 lead-unit and enterprise requirements', () => {
    expect(slugs(p2020.pack, '1.2')).toEqual(
      expect.arrayContaining(['lead-unit-research', 'enterprise-in-team', 'duration-24-36m']),
    );
  });

  it('does not take an encouragement for a requirement', () => {
    // 1.7: "鼓励企业参与" is a wish; only the matching-funds clause of that sentence is a rule.
    expect(slugs(p2019.pack, '1.7')).not.toContain('enterprise-in-team');
    expect(p2019.review.unmapped).toContainEqual(
      expect.objectContaining({ direction: '1.4', reason: 'encouragement' }),
    );
  });

  it('maps a duration limit to a check on project.durationMonths', () => {
    const rule = direction(p2019.pack, '1.7').rules.find((r) => r.id.endsWith('/duration-max-24m'))!;
    expect(rule.check).toEqual({ op: 'lte', field: 'project.durationMonths', value: 24 });
    expect(rule.severity).toBe('warning'); // "原则上": in principle
    expect(direction(p2019.pack, '2.5').rules.find((r) => r.id.endsWith('/duration-24m'))!.severity).toBe('error');
  });

  it('lists the unmapped sentences of 其他要求 with their direction', () => {
    const unmapped = p2019.review.unmapped;
    expect(unmapped.length).toBeGreaterThan(0);
    expect(unmapped).toContainEqual({
      direction: '1.7',
      sentence: '奥方主管部门为奥地利联邦教育、科学和研究部，',
      reason: 'unrecognised',
    });
    for (const u of unmapped) expect(['*', ...p2019.pack.directions.map((d) => d.code)]).toContain(u.direction);
  });

  it('reads areas with sub-areas', () => {
    expect(direction(p2019.pack, '1.3').areas).toHaveLength(9);
    expect(direction(p2019.pack, '1.3').areas[0]).toEqual({
      name: '新一代信息网络',
      subAreas: [
        '5G 通讯技术',
        '光通讯技术',
        '处理器（CPU）技术',
        '物联网技术',
        '虚拟现实技术',
        '量子计算',
        '大数据技术',
      ],
    });
    expect(direction(p2020.pack, '1.1').areas[0]).toEqual({
      name: '生物技术',
      subAreas: ['神经系统疾病防治研究', '癌症防治研究', '中医药现代化研究'],
    });
    expect(direction(p2020.pack, '1.2').areas.map((a) => a.name)).toEqual([
      '生物医药领域的智慧健康方向',
      '生物医药领域的再生医学方向',
      '5G领域的 5G/B5G物联网方向',
    ]);
  });

  it('reads agreements by their titles', () => {
    expect(direction(p2019.pack, '1.1').agreements).toEqual([
      '《中美清洁能源联合研究中心合作议定书》（2009年）',
      '《中美元首北京会晤主要共识与成果》（2014年）',
      '《中美清洁能源联合研究中心合作议定书修正案》（2015年）',
    ]);
    expect(direction(p2019.pack, '2.7').agreements).toEqual([]);
  });

  it('reads the guideline title and year', () => {
    expect(p2019.pack.source).toMatchObject({ year: 2019, batch: '第一批' });
    expect(p2019.pack.title.zh).toBe(
      '国家重点研发计划政府间国际科技创新合作/港澳台科技创新合作重点专项 2019年度第一批项目申报指南建议',
    );
    expect(p2020.pack.title.zh).toBe('国家重点研发计划“战略性科技创新合作”重点专项 2020 年度港澳台项目申报指南');
  });
});

/** The hand-written packs of the same seeds (rules/*.json): the facts both read from the text must agree. */
describe.each([
  { seed: '2019-intl-batch1.txt', pack: '2019-intl-1.json' },
  { seed: '2020-hmt.txt', pack: '2020-hmt.json' },
])('agrees with rules/$pack', ({ seed, pack: packFile }) => {
  const hand = RulePack.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../rules', packFile), 'utf8')));
  const { pack } = extractDraft(fixture(seed), { today: '2025-03-01' });

  it.each(hand.directions.map((d) => [d.code, d] as const))('%s', (code, h) => {
    const d = pack.directions.find((x) => x.code === code)!;
    expect(d.title.zh).toBe(h.title.zh);
    expect(d.plannedProjects && [d.plannedProjects.min, d.plannedProjects.max, d.plannedProjects.approx]).toEqual(
      h.plannedProjects && [h.plannedProjects.min, h.plannedProjects.max, h.plannedProjects.approx],
    );
    expect(d.totalBudget?.amount).toBe(h.totalBudget?.amount);
    expect(d.contacts.map((c) => [c.name, c.email, c.phone])).toEqual(
      h.contacts.map((c) => [c.name, c.email, c.phone]),
    );
    expect(d.agreements).toHaveLength(h.agreements.length);
  });
});
