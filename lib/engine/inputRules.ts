import type { Condition } from './condition';
import type { Rule } from '../packs/schema';

/**
 * Rules every application meets whatever its pack: the dates it gives are real dates written YYYY-MM-DD, and
 * the project ends on or after its start. A wrong date would otherwise leave every duration rule "unknown"
 * (or pass it); here it is an error finding whose deciding leaf names the field. No guideline sentence states
 * them, so their "quote" is the date format itself (ISO 8601), never words a guideline did not print.
 */
const quote = 'YYYY-MM-DD (ISO 8601)';

const dateFields = ['project.startDate', 'project.endDate', 'pi.birthDate', 'leadUnit.registeredOn'];

/** Empty is fine (other rules ask for it); filled in, it must be a date. */
const dateIfGiven = (field: string): Condition => ({
  any: [{ not: { op: 'exists', field } }, { op: 'isDate', field }],
});

export const inputRules: Rule[] = [
  {
    id: 'input/*/valid-dates',
    kind: 'check',
    severity: 'error',
    section: 'basic',
    title: { zh: '所填日期均为有效日期（YYYY-MM-DD）', en: 'Every date given is a real date (YYYY-MM-DD)' },
    explain: {
      zh: '执行期、出生日期、注册日期须为真实存在的日期，按 YYYY-MM-DD 填写；否则执行期等规则无法判断。',
      en: 'Project, birth and registration dates must be real dates written YYYY-MM-DD; otherwise duration rules cannot be judged.',
    },
    message: {
      zh: '{path}：“{actual}”不是有效日期，应为 YYYY-MM-DD',
      en: '{path}: "{actual}" is not a valid date; expected YYYY-MM-DD',
    },
    quote,
    fields: [...dateFields, 'participants.registeredOn'],
    check: {
      all: [...dateFields.map(dateIfGiven), { op: 'every', list: 'participants', check: dateIfGiven('registeredOn') }],
    },
  },
  {
    id: 'input/*/end-not-before-start',
    kind: 'check',
    severity: 'error',
    section: 'basic',
    title: {
      zh: '执行期结束日期不早于开始日期',
      en: 'The project does not end before it starts',
    },
    explain: { zh: '结束日期早于开始日期时执行期无法计算。', en: 'A project cannot end before it starts.' },
    message: {
      zh: 'project.endDate：结束日期 {expected} 早于开始日期 {actual}',
      en: 'project.endDate: the end date {expected} is before the start date {actual}',
    },
    quote,
    fields: ['project.startDate', 'project.endDate'],
    check: { op: 'onOrBefore', field: 'project.startDate', otherField: 'project.endDate' },
  },
];
