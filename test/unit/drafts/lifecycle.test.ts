import { describe, expect, it } from 'vitest';
import { listRevisions } from '@/lib/drafts/revisions';
import {
  deleteDraft,
  getDraft,
  listDrafts,
  purgeDeleted,
  renameDraft,
  saveDraft,
  undoDelete,
} from '@/lib/drafts/store';
import { freshDb } from '@/test/fixtures/drafts/sample';

async function seed() {
  const { db, clock } = freshDb();
  for (const [id, title, direction, pi, unit] of [
    ['A001', '储能材料国际合作', '1.4', '张三', '清华大学'],
    ['B002', 'ＲＩＫＥＮ 联合研究', '1.6', '李四', '中国科学院化学研究所'],
    ['C003', 'Horizon 2020 合作', '2.1', '王五', '清华大学'],
  ] as const) {
    await saveDraft(db, {
      key: `service.most.gov.cn|${id}`,
      host: 'service.most.gov.cn',
      applicationId: id,
      title,
      direction,
      fields: { x: id, 'pi.name': pi, 'leadUnit.name': unit },
    });
    clock.advance(1000);
  }
  return { db, clock };
}

describe('listing, renaming, deleting', () => {
  it('lists live drafts, most recently updated first', async () => {
    const { db } = await seed();
    expect((await listDrafts(db)).map((d) => d.applicationId)).toEqual(['C003', 'B002', 'A001']);
  });

  it.each([
    ['riken', ['B002']], // full-width letters in the title
    ['a001', ['A001']],
    ['1.4', ['A001']],
    ['合作', ['C003', 'A001']],
    ['nothing like it', []],
    ['李四', ['B002']], // the principal investigator
    ['清华', ['C003', 'A001']], // the lead unit
    ['化学研究所', ['B002']],
  ])('search "%s"', async (search, expected) => {
    const { db } = await seed();
    expect((await listDrafts(db, { search })).map((d) => d.applicationId)).toEqual(expected);
  });

  it('renames as a new revision, keeping fields', async () => {
    const { db } = await seed();
    const renamed = await renameDraft(db, 'service.most.gov.cn|A001', '新名称');
    expect(renamed).toMatchObject({ ok: true, draft: { title: '新名称', revision: 2, fields: { x: 'A001' } } });
    expect(await renameDraft(db, 'nope', 'x')).toEqual({ ok: false, error: 'notFound' });
  });

  it('deletes softly: hidden from the list, restorable by undoDelete, gone after purge', async () => {
    const { db, clock } = await seed();
    const key = 'service.most.gov.cn|B002';
    expect(await deleteDraft(db, key)).toBe(true);
    expect((await listDrafts(db)).map((d) => d.applicationId)).toEqual(['C003', 'A001']);
    expect((await listDrafts(db, { includeDeleted: true })).map((d) => d.applicationId)).toEqual([
      'C003',
      'B002',
      'A001',
    ]);

    expect(await undoDelete(db, key)).toBe(true);
    expect(await getDraft(db, key)).toMatchObject({ revision: 1, fields: { x: 'B002' } });
    expect((await getDraft(db, key))?.deletedAt).toBeUndefined();

    await deleteDraft(db, key);
    clock.advance(1000);
    expect(await purgeDeleted(db, new Date(clock.now.getTime() - 5000))).toEqual([]); // deleted too recently
    expect(await purgeDeleted(db, clock.now)).toEqual([key]);
    expect(await getDraft(db, key)).toBeUndefined();
    expect(await listRevisions(db, key)).toEqual([]);
    expect(await undoDelete(db, key)).toBe(false);
    expect(await db.checklists.get(key)).toBeUndefined();
  });
});
