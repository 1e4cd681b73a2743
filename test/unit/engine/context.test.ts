import { describe, expect, it } from 'vitest';
import { Application } from '@/lib/application/model';
import { buildContext, directionFacts } from '@/lib/engine/context';
import { describeMonths, spanBetween, spanInMonths } from '@/lib/engine/dates';
import { Direction } from '@/lib/packs/schema';

const direction = (extra: object) => Direction.parse({ code: '1.2', title: { zh: '方向', en: 'Direction' }, ...extra });

describe('spans between two dates, to the day (end day included)', () => {
  it.each([
    ['2020-01-01', '2021-12-31', 24, 0],
    ['2020-01-01', '2022-12-31', 36, 0],
    ['2020-01-01', '2023-01-01', 36, 1], // 不超过3年 fails from here
    ['2020-01-01', '2023-01-30', 36, 30],
    ['2020-01-15', '2021-01-14', 12, 0],
    ['2020-01-15', '2021-01-13', 11, 30],
    ['2020-03-01', '2020-03-31', 1, 0],
    ['2019-12-01', '2020-02-29', 3, 0],
    ['2020-01-31', '2020-02-28', 1, 0], // the day before 01-31 + 1 month (clamped to 02-29)
    ['2020-02-29', '2020-02-29', 0, 1],
  ])('%s → %s is %i months %i days', (from, to, months, days) => {
    expect(spanBetween(from, to)).toEqual({ months, days });
  });

  it.each([['2020-13-01'], ['2021-02-29'], ['2020/01/01'], ['20200101'], ['']])('rejects %s', (bad) => {
    expect(spanBetween(bad, '2021-01-01')).toBeUndefined();
  });

  it('rejects an end before the start', () => expect(spanBetween('2021-01-02', '2021-01-01')).toBeUndefined());

  it('states months and days', () => {
    expect(describeMonths(spanInMonths({ months: 36, days: 30 }), 'zh')).toBe('36 个月 30 天');
    expect(describeMonths(spanInMonths({ months: 24, days: 0 }), 'en')).toBe('24 months');
    expect(describeMonths(spanInMonths({ months: 1, days: 1 }), 'en')).toBe('1 month 1 day');
  });
});

describe('evaluation context', () => {
  it('derives duration, units and the direction facts', () => {
    const application = Application.parse({
      direction: '1.2',
      project: { startDate: '2020-01-01', endDate: '2021-12-31' },
      leadUnit: { name: '甲大学', type: 'university' },
      participants: [{ name: '乙公司', type: 'enterprise', affiliation: '丙集团' }],
    });
    const context = buildContext(
      application,
      direction({
        totalBudget: { amount: 4000, text: '4000万元' },
        plannedProjects: { min: 2, max: 3, text: '2-3个' },
      }),
    );
    expect(context.project.durationMonths).toBe(24);
    expect(context.units).toEqual([
      { name: '甲大学', type: 'university', affiliation: '甲大学' },
      { name: '乙公司', type: 'enterprise', affiliation: '丙集团' },
    ]);
    expect(context.direction).toEqual({ code: '1.2', totalBudget: 4000, plannedProjects: 3, fundingPerProject: 1600 });
    expect(application.leadUnit.affiliation).toBeUndefined();
  });

  it('derives title and degree levels from the vocabularies, and one name per country', () => {
    const context = buildContext(
      Application.parse({
        pi: { title: '教授级 高级工程师', degree: '工学博士' },
        foreignPartners: [
          { country: 'Kingdom of Norway' },
          { country: 'Norge' },
          { country: '挪威' },
          { country: 'Atlantis' },
        ],
      }),
      direction({}),
    );
    expect(context.pi).toMatchObject({ titleLevel: 'senior', degreeLevel: 'doctorate' });
    expect(context.foreignPartners.map((p) => p.country)).toEqual(['Norway', 'Norway', 'Norway', 'Atlantis']);
    const given = buildContext(
      Application.parse({ pi: { title: '首席科学家', titleLevel: 'associateSenior' } }),
      direction({}),
    );
    expect(given.pi.titleLevel).toBe('associateSenior');
    const unknownTitle = buildContext(Application.parse({ pi: { title: '首席科学家' } }), direction({}));
    expect(unknownTitle.pi.titleLevel).toBeUndefined();
  });

  it('leaves facts out when their sources are missing', () => {
    const context = buildContext(Application.parse({ project: { startDate: '2020-01-01' } }), direction({}));
    expect(context.project.durationMonths).toBeUndefined();
    expect(context.direction).toEqual({ code: '1.2' });
    expect(context.units).toEqual([{}]);
  });

  it.each([
    // No funds fields for the lead unit (the standard form): its share is what the budget totals leave.
    [{}, [{ governmentFunding: 60 }], { central: 200, other: 180 }, { governmentFunding: 140, matchingFunds: 180 }],
    [{}, [{ matchingFunds: 30 }], { central: 200 }, { governmentFunding: 200 }],
    // Funds the form gives for the lead unit itself win over the totals.
    [
      { governmentFunding: 10, matchingFunds: 5 },
      [],
      { central: 200, other: 180 },
      { governmentFunding: 10, matchingFunds: 5 },
    ],
    [{}, [], {}, {}],
  ])('lead unit %o with participants %o and budget %o has funds %o', (lead, participants, budget, funds) => {
    const application = Application.parse({ leadUnit: { type: 'enterprise', ...lead }, participants, budget });
    expect(buildContext(application, direction({})).units[0]).toEqual({ type: 'enterprise', ...funds });
  });

  it.each([
    [{ min: 3, max: 3, text: '3个' }, 15000, 3, 5000],
    [{ min: 20, max: 20, approx: true, text: '20个项目左右' }, 6000, 20, 300],
    [{ min: 5, max: 6, text: '5~6 个' }, 2000, 6, 2000 / 5.5],
    [{ min: 0, max: 0, text: '0' }, 100, 0, undefined],
  ])('planned %o of %i 万元', (planned, amount, plannedProjects, perProject) => {
    const facts = directionFacts(direction({ plannedProjects: planned, totalBudget: { amount, text: '' } }));
    expect(facts.plannedProjects).toBe(plannedProjects);
    expect(facts.fundingPerProject).toBe(perProject);
  });
});
