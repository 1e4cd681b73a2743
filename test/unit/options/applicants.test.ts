import { expect, test } from 'vitest';
import { applicantsOf, duplicatesByGuideline } from '@/components/options/applicants';
import type { Draft } from '@/lib/drafts/model';
import { emptyChecklist } from '@/lib/core/vocabulary';

function draft(key: string, guideline: string | undefined, fields: Record<string, string>): Draft {
  const at = '2024-03-01T00:00:00.000Z';
  return {
    key,
    host: 'service.most.gov.cn',
    applicationId: key,
    title: key,
    guideline,
    fields,
    checklist: emptyChecklist(),
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
}

test('applicantsOf reads the PI and lead unit from the application-model keys', () => {
  const who = applicantsOf(
    draft('a', 'g', {
      'pi.name': '张三',
      'pi.idNumber': '110101198001010011',
      'leadUnit.name': '清华大学',
      'leadUnit.creditCode': '12100000400000624D',
      other: 'x',
    }),
  );
  expect(who).toEqual({
    piName: '张三',
    piId: '110101198001010011',
    leadUnitName: '清华大学',
    leadUnitCode: '12100000400000624D',
  });
});

test('duplicates are grouped per guideline, never across guidelines', () => {
  const drafts = [
    draft('a', '2019-intl-1', { 'pi.name': '张三', 'leadUnit.name': '甲大学' }),
    draft('b', '2019-intl-1', { 'pi.name': '张 三', 'leadUnit.name': '乙研究所' }),
    draft('c', '2020-hmt', { 'pi.name': '张三', 'leadUnit.name': '甲大学' }),
    draft('d', '2020-hmt', { 'pi.name': '李四', 'leadUnit.name': '甲大学' }),
    draft('e', undefined, { 'pi.name': '张三' }),
  ];
  expect(duplicatesByGuideline(drafts)).toEqual([
    { guideline: '2019-intl-1', groups: [{ kind: 'principalInvestigator', label: '张三', keys: ['a', 'b'] }] },
    { guideline: '2020-hmt', groups: [{ kind: 'leadUnit', label: '甲大学', keys: ['c', 'd'] }] },
  ]);
});

test('no shared applicant, no hint', () => {
  expect(
    duplicatesByGuideline([draft('a', 'g', { 'pi.name': '张三' }), draft('b', 'g', { 'pi.name': '李四' })]),
  ).toEqual([]);
});
