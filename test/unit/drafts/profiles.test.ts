import { describe, expect, it } from 'vitest';
import { allowProfileOn, deleteProfile, listProfiles, profilesFor, saveProfile } from '@/lib/drafts/profiles';
import { freshDb } from '@/test/fixtures/drafts/sample';

describe('profiles', () => {
  it('saves, lists by kind and name, edits and deletes', async () => {
    const { db } = freshDb();
    const unit = await saveProfile(db, {
      kind: 'leadUnit',
      name: '清华大学',
      creditCode: ' 12100000400000624d ',
      address: '北京市海淀区',
      contacts: [{ name: '科研院', phone: '010-62780000' }],
    });
    expect(unit).toMatchObject({
      ok: true,
      profile: { kind: 'leadUnit', creditCode: '12100000400000624D', updatedAt: '2024-03-01T02:00:00.000Z' },
    });
    await saveProfile(db, { kind: 'teamMember', name: '张三', title: '教授', birthDate: '1980-01-01' });
    await saveProfile(db, { kind: 'teamMember', name: '李四' });
    expect((await listProfiles(db, 'teamMember')).map((p) => p.name)).toEqual(['李四', '张三']);
    expect(await listProfiles(db)).toHaveLength(3);

    const id = unit.ok ? unit.profile.id : '';
    await saveProfile(db, { id, kind: 'leadUnit', name: '清华大学', address: '北京市海淀区清华园' });
    expect(await listProfiles(db, 'leadUnit')).toMatchObject([{ id, address: '北京市海淀区清华园' }]);
    await deleteProfile(db, id);
    expect(await listProfiles(db, 'leadUnit')).toEqual([]);
  });

  it.each([
    ['credit code too short', { kind: 'leadUnit', name: '某单位', creditCode: '1210000040000' }, 'profile.creditCode'],
    [
      'credit code with the letter O',
      { kind: 'leadUnit', name: '某单位', creditCode: '12100000400000624O' },
      'profile.creditCode',
    ],
    [
      'credit code with a wrong check character',
      { kind: 'leadUnit', name: '某单位', creditCode: '12100000400000624E' },
      'profile.creditCode',
    ],
    ['no unit name', { kind: 'leadUnit', name: '  ' }, 'profile.name'],
    [
      'bad contact e-mail',
      { kind: 'leadUnit', name: '某单位', contacts: [{ name: '王', email: 'not-mail' }] },
      'profile.contacts[0].email',
    ],
    ['birth date not ISO', { kind: 'teamMember', name: '张三', birthDate: '1980年1月' }, 'profile.birthDate'],
  ])('refuses %s with the path, saving nothing', async (_, input, path) => {
    const { db } = freshDb();
    const result = await saveProfile(db, input as never);
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect(!result.ok && 'problems' in result && result.problems.map((p) => p.path)).toEqual([path]);
    expect(await db.profiles.count()).toBe(0);
  });

  it('says what is wrong in Chinese first, then in English', async () => {
    const { db } = freshDb();
    const result = await saveProfile(db, { kind: 'leadUnit', name: '某单位', creditCode: '12100000400000624E' });
    expect(!result.ok && 'problems' in result && result.problems[0]).toEqual({
      path: 'profile.creditCode',
      zh: 'profile.creditCode：统一社会信用代码校验位不符，请核对',
      en: 'profile.creditCode: the check character does not match: please check the code',
    });
  });
});

describe('profiles are offered only on the sites they are allowed on', () => {
  it('offers a profile on no portal site until the user allows one, and an edit keeps the allowed sites', async () => {
    const { db } = freshDb();
    const saved = await saveProfile(db, { kind: 'teamMember', name: '张三', idNumber: '110101198001010011' });
    const id = saved.ok ? saved.profile.id : '';
    const site = 'https://service.most.gov.cn';
    expect(profilesFor(await listProfiles(db), site)).toEqual([]);

    await allowProfileOn(db, id, site);
    expect(profilesFor(await listProfiles(db), site).map((p) => p.name)).toEqual(['张三']);
    // Another host, or the http:// copy of the same one, is another site.
    expect(profilesFor(await listProfiles(db), 'https://other.most.gov.cn')).toEqual([]);
    expect(profilesFor(await listProfiles(db), 'http://service.most.gov.cn')).toEqual([]);

    await saveProfile(db, { id, kind: 'teamMember', name: '张三', title: '教授' });
    expect((await listProfiles(db))[0]).toMatchObject({ title: '教授', origins: [site] });
    await expect(allowProfileOn(db, 'nobody', site)).rejects.toThrow('no profile nobody');
  });
});
