import { describe, expect, it } from 'vitest';
import { findDuplicateApplicants, maskIdNumber } from '@/lib/drafts/limits';
import type { Draft } from '@/lib/drafts/model';
import { emptyChecklist } from '@/lib/core/vocabulary';

function draft(key: string, fields: Record<string, string>, extra: Partial<Draft> = {}): Draft {
  const at = '2024-03-01T00:00:00.000Z';
  return {
    key,
    host: 'h',
    applicationId: key,
    title: key,
    guideline: 'g2019',
    fields,
    checklist: emptyChecklist(),
    revision: 1,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}
// Portal-specific field keys, as the caller knows them
const extract = (d: Draft) => ({
  piName: d.fields.pi,
  piId: d.fields.piId,
  leadUnitName: d.fields.unit,
  leadUnitCode: d.fields.code,
});

describe('findDuplicateApplicants', () => {
  it('finds the same PI and the same lead unit across drafts of one guideline', () => {
    const groups = findDuplicateApplicants(
      [
        draft('a', { pi: '张三', unit: '清华大学', code: '12100000400000624D' }),
        draft('b', { pi: '张 三', unit: '清华大学（深圳）', code: '12100000400000624d' }),
        draft('c', { pi: '李四', unit: '北京大学' }),
      ],
      'g2019',
      extract,
    );
    expect(groups).toEqual([
      { kind: 'principalInvestigator', label: '张三', keys: ['a', 'b'] },
      { kind: 'leadUnit', label: '清华大学 (12100000400000624D)', keys: ['a', 'b'] },
    ]);
  });

  it('shows a PI’s id number masked: its first 3 and last 4 characters only', () => {
    expect(maskIdNumber('110101198001010011')).toBe('110***********0011');
    const groups = findDuplicateApplicants(
      [draft('a', { pi: '赵六', piId: '110101198001010011' }), draft('b', { pi: '赵六' })],
      'g2019',
      extract,
    );
    expect(groups[0]!.label).toBe('赵六 (110***********0011)');
  });

  it('tells PIs of the same name apart by id number, but flags a draft without one against each', () => {
    const groups = findDuplicateApplicants(
      [draft('a', { pi: '王五', piId: '1' }), draft('b', { pi: '王五', piId: '2' }), draft('c', { pi: '王五' })],
      'g2019',
      extract,
    );
    expect(groups).toEqual([
      { kind: 'principalInvestigator', label: '王五 (*)', keys: ['a', 'c'] },
      { kind: 'principalInvestigator', label: '王五 (*)', keys: ['b', 'c'] },
    ]);
  });

  it('matches a lead unit by normalised name, and a name without code to the unit whose code it carries elsewhere', () => {
    const groups = findDuplicateApplicants(
      [
        draft('a', { unit: '中国科学院（北京）研究所' }),
        draft('b', { unit: '中国科学院(北京)研究所', code: '12100000400012345X' }),
        draft('c', { unit: ' 中国科学院（北京）研究所 ' }),
      ],
      'g2019',
      extract,
    );
    expect(groups).toEqual([
      { kind: 'leadUnit', label: '中国科学院(北京)研究所 (12100000400012345X)', keys: ['a', 'b', 'c'] },
    ]);
  });

  it('ignores other guidelines and deleted drafts', () => {
    const groups = findDuplicateApplicants(
      [
        draft('a', { pi: '张三' }),
        draft('b', { pi: '张三' }, { guideline: 'g2020' }),
        draft('c', { pi: '张三' }, { deletedAt: '2024-03-02T00:00:00.000Z' }),
      ],
      'g2019',
      extract,
    );
    expect(groups).toEqual([]);
  });
});
