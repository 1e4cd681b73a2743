import type { RuleDraft } from './pattern';
import type { RequirementPattern } from './pattern';
import { t } from './pattern';

/** "男性项目负责人应为 1983 年 1 月 1 日以后出生": the date and, when the clause names one, the gender. */
const BORN =
  /(男性|女性)?[^。,;]{0,8}?负责人[^。,;]{0,6}?(?:应|须|必须)(?:为|是|在)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:\(含\))?\s*(?:以后|之后)(?:\(含\))?出生/g;

const pad = (n: string) => n.padStart(2, '0');

const pattern: RequirementPattern = {
  name: 'pi-born-on-or-after',
  examples: {
    match: [
      '男性项目负责人应为 1983 年 1 月 1 日以后出生，女性项目负责人应为 1978 年 1 月 1 日以后出生。',
      '项目负责人须在1986年1月1日以后出生。',
    ],
    noMatch: ['项目负责人须具有博士学位。', '项目于 2031 年 1 月 1 日以后启动。'],
  },
  match: new RegExp(BORN.source),
  // Every dated clause of the sentence: men and women usually get different dates.
  draft: (m) =>
    [...m.input.matchAll(BORN)].map(({ 0: _, 1: gender, 2: y, 3: mo, 4: d, index }): RuleDraft => {
      const date = `${y}-${pad(mo!)}-${pad(d!)}`;
      const who = gender === '男性' ? 'male' : gender === '女性' ? 'female' : undefined;
      return {
        slug: `pi-born-on-or-after${who ? `-${who}` : ''}`,
        at: index,
        kind: 'check',
        severity: 'error',
        section: 'pi',
        confidence: 0.8,
        fields: ['pi.birthDate', ...(who ? ['pi.gender'] : [])],
        ...(who ? { when: { op: 'eq' as const, field: 'pi.gender', value: who } } : {}),
        title: t(
          `${gender ?? ''}项目负责人 ${date} 以后出生`,
          `${who ? `${who === 'male' ? 'Male' : 'Female'} PI` : 'PI'} born on or after ${date}`,
        ),
        explain: t(
          `指南要求${gender ?? ''}项目负责人于 ${date} 以后出生。`,
          `The guideline sets a birth-date limit for the PI: on or after ${date}.`,
        ),
        message: t('项目负责人出生日期早于 {expected}。', 'The PI was born before {expected}.'),
        check: { op: 'onOrAfter', field: 'pi.birthDate', date },
      };
    }),
};

export default pattern;
