import { NUMBER, readNumber } from '../phrases/number';
import type { RequirementPattern } from './pattern';
import { t } from './pattern';

const pattern: RequirementPattern = {
  name: 'pi-months-per-year-min',
  examples: {
    match: ['项目负责人每年用于本项目的工作时间不得少于 6 个月。', '项目负责人每年在内地工作时间不少于 3 个月。'],
    noMatch: ['项目执行期不少于 6 个月。', '项目负责人须具有高级职称。'],
  },
  match: new RegExp(
    `负责人[^。]{0,20}?(?:每年|年均)[^。,;]{0,16}?(?:不少于|不得少于|不低于|至少)\\s*(${NUMBER})\\s*个?月`,
  ),
  draft: (m) => {
    const n = readNumber(m[1]!);
    if (!(n > 0 && n <= 12)) return undefined;
    return {
      slug: `pi-months-per-year-min-${n}`,
      kind: 'check',
      severity: 'error',
      section: 'pi',
      confidence: 0.8,
      fields: ['pi.monthsPerYear'],
      title: t(`项目负责人每年投入不少于 ${n} 个月`, `PI works at least ${n} months a year on the project`),
      explain: t(
        `指南要求项目负责人每年用于项目的时间不少于 ${n} 个月。`,
        `The PI must spend at least ${n} months a year on the project.`,
      ),
      message: t(
        '项目负责人每年投入 {actual} 个月，要求 {expected}。',
        'PI gives {actual} months a year; required {expected}.',
      ),
      check: { op: 'gte', field: 'pi.monthsPerYear', value: n },
    };
  },
};

export default pattern;
