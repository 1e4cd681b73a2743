import { describe, expect, test } from 'vitest';
import { buildShare, personalFieldKeys } from '@/lib/share/build';
import { encodeShareCode } from '@/lib/share/code';
import {
  findingsOf,
  fullChecklist,
  largestDirection,
  personalFields,
  realPack,
  teamDraft,
} from '../../fixtures/share/team';
import { emptyChecklist } from '@/lib/core/vocabulary';

const pack = realPack();
const code = largestDirection(pack);

function share(include: string[], checklist = fullChecklist(pack, code)) {
  const draft = teamDraft(pack, code, checklist);
  return buildShare({
    draft,
    pack,
    findings: findingsOf(pack, code, checklist),
    sharedBy: ' 张伟 ',
    include: { fields: include },
    now: new Date('2024-03-05T08:00:00.900Z'),
  });
}

describe('personal data', () => {
  test.each([
    ['pi.idNumber', true],
    ['pi.phone', true],
    ['pi.email', true],
    ['piIdNumber', true],
    ['budget.central', true],
    ['budget.other', true],
    ['participants.0.governmentFunding', true],
    ['participants.0.matchingFunds', true],
    ['leadUnit.matchingFunds', true],
    ['project.nameZh', false],
    ['pi.name', false],
    ['foreignPartners.0.name', false],
  ])('%s is personal: %s', (key, personal) => {
    expect(personalFieldKeys([key])).toEqual(personal ? [key] : []);
  });

  test('keys the caller marks count as personal too', () => {
    expect(personalFieldKeys(personalFields, ['pi.name'])).toEqual([
      'pi.name',
      'pi.idNumber',
      'pi.phone',
      'pi.email',
      'budget.central',
      'budget.other',
      'participants.0.governmentFunding',
      'participants.0.matchingFunds',
    ]);
  });

  test('no field content is shared by default, in the object or the code', () => {
    const s = share([]);
    expect(s.fields).toBeUndefined();
    const text = JSON.stringify(s) + encodeShareCode(s);
    for (const value of ['110101198001010011', '13800138000', 'zhangwei@example.edu.cn', '面向数字化转型'])
      expect(text).not.toContain(value);
  });

  test('only the ticked fields are shared, each one as typed', () => {
    expect(share(['pi.phone', 'project.nameZh', 'not.in.draft']).fields).toEqual({
      'pi.phone': '13800138000',
      'project.nameZh': personalFields['project.nameZh'],
    });
  });
});

describe('items', () => {
  test('every rule of the direction is an item with the status of its finding', () => {
    const s = share([]);
    const findings = findingsOf(pack, code, fullChecklist(pack, code));
    expect(Object.keys(s.items)).toEqual(findings.map((f) => f.ruleId));
    for (const f of findings) expect(s.items[f.ruleId]!.status).toBe(f.status);
    // Acknowledged warnings are not counted: fullChecklist acknowledges every warning.
    const failing = (severity: string) => findings.filter((f) => f.status === 'fail' && f.severity === severity).length;
    expect(s.findingsSummary).toEqual({
      error: failing('error'),
      warning: 0,
      info: failing('info'),
      confirm: findings.filter((f) => f.status === 'confirm').length,
    });
    expect(failing('warning')).toBeGreaterThan(0);
  });

  test('an item carries who / when / note, document status, acknowledgement and owner, to whole seconds', () => {
    const checklist = emptyChecklist();
    const id = `2019-intl-1/${code}/data-management-plan`;
    checklist.confirmations[id] = { by: '王芳', at: '2024-03-01T02:00:00.789Z', note: '计划已发对方审阅' };
    checklist.documents[id] = { ready: true, at: '2024-03-02T02:00:00.001Z' };
    checklist.acknowledgements[id] = { reason: '对方尚未回复', at: '2024-03-01T03:00:00.000Z' };
    checklist.owners[id] = '李娜';
    const s = share([], checklist);
    expect(s.items[id]).toEqual({
      status: 'pass',
      confirmation: { by: '王芳', at: '2024-03-01T02:00:00.000Z', note: '计划已发对方审阅' },
      document: { ready: true, at: '2024-03-02T02:00:00.000Z' },
      acknowledgement: { reason: '对方尚未回复', at: '2024-03-01T03:00:00.000Z' },
      owner: '李娜',
      changedAt: '2024-03-02T02:00:00.000Z',
    });
    expect(s.sharedBy).toBe('张伟');
    expect(s.sharedAt).toBe('2024-03-05T08:00:00.000Z');
    expect(Object.keys(s.items[`2019-intl-1/${code}/norwegian-partner`]!)).toEqual(['status']);
  });

  test('a draft without a direction of the pack cannot be shared', () => {
    expect(() =>
      buildShare({
        draft: { direction: '9.9', fields: {}, checklist: emptyChecklist() },
        pack,
        findings: [],
        include: { fields: [] },
      }),
    ).toThrow(/9\.9/);
  });
});
