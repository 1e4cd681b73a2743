import { expect, test } from 'vitest';
import type { LeadUnitProfile, TeamMemberProfile } from '@/lib/drafts/profiles';
import { profileToFields } from '@/lib/portal/fill';

const stamp = { id: 'x', updatedAt: '2025-01-01T00:00:00.000Z', origins: [] };
const unit: LeadUnitProfile = {
  ...stamp,
  kind: 'leadUnit',
  name: '某某大学',
  creditCode: '12100000400000000X',
  address: '北京市海淀区',
  contacts: [{ name: '李四', phone: '010-12345678' }],
};
const member: TeamMemberProfile = {
  ...stamp,
  kind: 'teamMember',
  name: '张三',
  title: '研究员',
  degree: '博士',
  birthDate: '1975-03-08',
  idNumber: '110101197503080011',
  phone: '13800000000',
  email: 'zhang@example.cn',
  unit: '某某大学',
};

test.each([
  {
    why: 'a unit as the lead unit',
    fields: profileToFields(unit, 'leadUnit'),
    want: { 'leadUnit.name': '某某大学', 'leadUnit.creditCode': '12100000400000000X' },
  },
  {
    why: 'a unit as participant row 2 (no credit-code column)',
    fields: profileToFields(unit, 'participants.2'),
    want: { 'participants.2.name': '某某大学' },
  },
  {
    why: 'a team member as the PI',
    fields: profileToFields(member, 'pi'),
    want: {
      'pi.name': '张三',
      'pi.title': '研究员',
      'pi.degree': '博士',
      'pi.birthDate': '1975-03-08',
      'pi.idNumber': '110101197503080011',
      'pi.phone': '13800000000',
      'pi.email': 'zhang@example.cn',
    },
  },
  {
    why: 'only what the profile holds: nothing that would clear a typed field',
    fields: profileToFields({ ...stamp, kind: 'teamMember', name: '王五', title: ' ' }, 'pi'),
    want: { 'pi.name': '王五' },
  },
  {
    why: 'a unit without a credit code',
    fields: profileToFields({ ...stamp, kind: 'leadUnit', name: '某研究所', contacts: [] }, 'leadUnit'),
    want: { 'leadUnit.name': '某研究所' },
  },
])('$why', ({ fields, want }) => {
  expect(fields).toEqual(want);
});
