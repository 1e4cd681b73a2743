import { expect, test } from 'vitest';
import {
  problemsByField,
  toProfileInput,
  valuesOf,
  type FormValues,
  type ProfileKind,
} from '@/components/options/profileForm';
import { saveProfile } from '@/lib/drafts/profiles';
import { freshDb } from '@/test/fixtures/drafts/sample';

const validUnit: FormValues = {
  name: '清华大学',
  creditCode: ' 12100000400000624d ',
  address: '',
  contactName: '王老师',
  contactPhone: '010-62780000',
  contactEmail: '',
  origins: 'https://service.most.gov.cn/apply?x=1，http://127.0.0.1:5173',
};

test('a lead unit form round-trips through saveProfile; empty inputs are not given', async () => {
  const { db } = freshDb();
  const saved = await saveProfile(db, toProfileInput('leadUnit', validUnit));
  expect(saved.ok).toBe(true);
  if (!saved.ok) return;
  expect(saved.profile).toMatchObject({
    name: '清华大学',
    creditCode: '12100000400000624D',
    contacts: [{ name: '王老师', phone: '010-62780000' }],
  });
  expect((saved.profile as { address?: string }).address).toBeUndefined();
  // A full address counts as its site (scheme + host): the profile is offered there only.
  expect(saved.profile.origins).toEqual(['https://service.most.gov.cn', 'http://127.0.0.1:5173']);
  expect(valuesOf(saved.profile)).toEqual({
    ...validUnit,
    creditCode: '12100000400000624D',
    origins: 'https://service.most.gov.cn http://127.0.0.1:5173',
  });
});

test('a site that is not an address is shown under the sites input', async () => {
  const { db } = freshDb();
  const saved = await saveProfile(db, toProfileInput('teamMember', { name: '张三', origins: 'service.most.gov.cn' }));
  expect(saved.ok).toBe(false);
  if (saved.ok || saved.error !== 'invalid') return;
  expect(Object.keys(problemsByField('teamMember', saved.problems))).toEqual(['origins']);
});

test('no contact typed, no contact saved', () => {
  expect(
    toProfileInput('leadUnit', { name: '甲大学', contactName: ' ', contactPhone: '', contactEmail: '' }),
  ).toMatchObject({ contacts: [] });
});

test.each<[ProfileKind, FormValues, Record<string, number>]>([
  ['leadUnit', { ...validUnit, creditCode: '12100000400000624A' }, { creditCode: 1 }],
  [
    'leadUnit',
    { ...validUnit, name: ' ', contactName: '', contactEmail: 'not-an-email' },
    { name: 1, contactName: 1, contactEmail: 1 },
  ],
  ['teamMember', { name: '张三', birthDate: '1980-13-01', email: 'x@' }, { birthDate: 1, email: 1 }],
])('invalid %s input: problems land at their fields', async (kind, values, expected) => {
  const { db } = freshDb();
  const saved = await saveProfile(db, toProfileInput(kind, values));
  expect(saved.ok).toBe(false);
  if (saved.ok || saved.error !== 'invalid') return;
  const byField = problemsByField(kind, saved.problems);
  expect(Object.fromEntries(Object.entries(byField).map(([name, list]) => [name, list.length]))).toEqual(expected);
  for (const list of Object.values(byField)) for (const p of list) expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
});

test('a team member edit keeps its id', async () => {
  const { db } = freshDb();
  const first = await saveProfile(db, toProfileInput('teamMember', { name: '李四', title: '研究员' }));
  if (!first.ok) throw new Error('not saved');
  const again = await saveProfile(
    db,
    toProfileInput('teamMember', { ...valuesOf(first.profile), degree: '博士' }, first.profile.id),
  );
  expect(again).toMatchObject({
    ok: true,
    profile: { id: first.profile.id, name: '李四', title: '研究员', degree: '博士' },
  });
});
