import { describe, expect, it, vi } from 'vitest';
import type { DraftDb } from '@/lib/drafts/db';
import { listRevisions } from '@/lib/drafts/revisions';
import {
  createDraftCache,
  deleteDraft,
  getDraft,
  restoreRevision,
  saveDraft,
  type SaveDraftInput,
} from '@/lib/drafts/store';
import { importDrafts } from '@/lib/drafts/transfer';
import { freshDb } from '@/test/fixtures/drafts/sample';

const ids = { key: 'service.most.gov.cn|C1', host: 'service.most.gov.cn', applicationId: 'C1' };

/** What a save left in the database: the draft (with bookkeeping), its checklist and its history. */
async function stored(db: DraftDb) {
  const row = await db.drafts.get(ids.key);
  const revisions = (await listRevisions(db, ids.key)).map(({ id: _id, ...r }) => r);
  return { row, checklist: await db.checklists.get(ids.key), revisions };
}

/** A day of autosave: two tabs typing, a resend, a held field, checklist ticks, pauses that add revisions. */
function session(): { advance: number; save: SaveDraftInput }[] {
  const steps: { advance: number; save: SaveDraftInput }[] = [];
  let seqA = 0;
  let seqB = 0;
  for (let i = 0; i < 40; i++) {
    const a = { ...ids, writer: 'tabA', seq: ++seqA, fields: { name: `储能${i}`, [`f${i % 7}`]: `v${i}` } };
    steps.push({ advance: i % 9 === 0 ? 31_000 : 700, save: { ...a, bases: i ? { name: `储能${i - 1}` } : {} } });
    if (i % 5 === 0)
      steps.push({
        advance: 300,
        save: { ...ids, writer: 'tabB', seq: ++seqB, fields: { name: `B${i}`, other: `b${i}` }, bases: { name: null } },
      });
    if (i % 8 === 0)
      steps.push({ advance: 200, save: { ...ids, writer: 'tabA', seq: seqA, fields: { name: `储能${i}` } } }); // resent
    if (i % 11 === 0)
      steps.push({
        advance: 200,
        save: { ...ids, checklist: { owners: { r1: `李四${i}` } }, writer: 'tabA', seq: ++seqA },
      });
    if (i === 20) steps.push({ advance: 100, save: { ...ids, fields: { f1: '' }, removeFields: ['other'] } });
  }
  return steps;
}

describe('saveDraft with the background’s cache of the last committed draft', () => {
  it('answers and stores exactly what a save that reads the database first does', async () => {
    const plain = freshDb();
    const cachedDb = freshDb();
    const cache = createDraftCache();
    for (const { advance, save } of session()) {
      plain.clock.advance(advance);
      cachedDb.clock.advance(advance);
      const expected = await saveDraft(plain.db, save);
      const got = await saveDraft(cachedDb.db, save, cache);
      expect(got).toEqual(expected);
    }
    const a = await stored(plain.db);
    expect(a.revisions.length).toBeGreaterThan(4);
    expect(await stored(cachedDb.db)).toEqual(a);
  });

  it('writes only the drafts row for a keystroke that leaves the checklist as it was', async () => {
    const { db, clock } = freshDb();
    const cache = createDraftCache();
    await saveDraft(db, { ...ids, fields: { a: '1' }, checklist: { owners: { r1: '李四' } } }, cache);
    const put = vi.spyOn(db.checklists, 'put');
    clock.advance(500);
    await saveDraft(db, { ...ids, fields: { a: '12' } }, cache);
    expect(put).not.toHaveBeenCalled();
    await saveDraft(db, { ...ids, fields: { a: '123' }, checklist: { owners: { r1: '王五' } } }, cache);
    expect(put).toHaveBeenCalledTimes(1);
    expect((await getDraft(db, ids.key))?.checklist.owners).toEqual({ r1: '王五' });
  });

  it('saves onto what is stored when something else wrote the draft since (options page, restore, import)', async () => {
    const { db, clock } = freshDb();
    const cache = createDraftCache();
    await saveDraft(db, { ...ids, fields: { a: '1', b: '1' }, writer: 'tabA', seq: 1 }, cache);
    // the options page renames it (no cache: the background's router)
    clock.advance(1000);
    await saveDraft(db, { ...ids, title: '新的名字', fields: { b: 'from options' } });
    clock.advance(1000);
    const next = await saveDraft(db, { ...ids, fields: { a: '2' }, writer: 'tabA', seq: 2 }, cache);
    expect(next.ok && next.draft).toMatchObject({
      revision: 3,
      title: '新的名字',
      fields: { a: '2', b: 'from options' },
    });

    // a restore of revision 1 writes a new revision: the next keystroke is merged into it
    const first = (await listRevisions(db, ids.key)).at(-1)!;
    clock.advance(1000);
    await restoreRevision(db, ids.key, first.id!);
    clock.advance(1000);
    const after = await saveDraft(db, { ...ids, fields: { c: '3' }, writer: 'tabA', seq: 3 }, cache);
    expect(after.ok && after.draft.fields).toEqual({ a: '1', b: '1', c: '3' });
  });

  it('an import that only adds a revision is seen too: the next revision is decided on the stored history', async () => {
    const plain = freshDb();
    const cachedDb = freshDb();
    const cache = createDraftCache();
    const both = async (fn: (db: DraftDb, cache?: ReturnType<typeof createDraftCache>) => Promise<unknown>) => {
      await fn(plain.db);
      await fn(cachedDb.db, cache);
    };
    const advance = (ms: number) => {
      plain.clock.advance(ms);
      cachedDb.clock.advance(ms);
    };
    await both((db, c) => saveDraft(db, { ...ids, fields: { a: '1' } }, c)); // revision 1 at t0
    advance(5000);
    await both((db, c) => saveDraft(db, { ...ids, fields: { a: '12' } }, c)); // no revision within 30 s
    // A colleague's older copy (t0 + 2 s) is imported: kept as a revision only, the latest one by time.
    const older = {
      ...ids,
      title: 'C1',
      fields: { a: '1', b: '同事填写' },
      checklist: { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} },
      revision: 1,
      createdAt: '2024-03-01T02:00:00.000Z',
      updatedAt: '2024-03-01T02:00:02.000Z',
    };
    await both(async (db) => {
      const file = { format: 'guidecheck-drafts', version: 1, exportedAt: db.now().toISOString(), drafts: [older] };
      expect(await importDrafts(db, JSON.stringify(file))).toMatchObject({ ok: true, report: { keptNewer: 1 } });
    });
    advance(5000);
    // Against that revision the next keystroke removes 同事填写: worth a revision (against revision 1 it would not be).
    await both((db, c) => saveDraft(db, { ...ids, fields: { a: '123' } }, c));
    const after = await stored(cachedDb.db);
    expect(after.revisions.map((r) => r.fields)).toEqual([{ a: '123' }, { a: '1', b: '同事填写' }, { a: '1' }]);
    expect(after).toEqual(await stored(plain.db));
  });

  it('a soft-deleted draft is brought back by the next keystroke, as without the cache', async () => {
    const { db, clock } = freshDb();
    const cache = createDraftCache();
    await saveDraft(db, { ...ids, fields: { a: '1' } }, cache);
    await deleteDraft(db, ids.key);
    clock.advance(1000);
    await saveDraft(db, { ...ids, fields: { a: '1' } }, cache);
    expect((await db.drafts.get(ids.key))?.deletedAt).toBeUndefined();
  });

  it('a wiped database: the keystroke starts the draft anew from what it carries, never from the cache', async () => {
    const { db, clock } = freshDb();
    const cache = createDraftCache();
    await saveDraft(db, { ...ids, fields: { a: '1', b: '2' } }, cache);
    await db.transaction('rw', [db.drafts, db.checklists, db.revisions], async () => {
      await Promise.all([db.drafts.clear(), db.checklists.clear(), db.revisions.clear()]);
    });
    clock.advance(1000);
    const saved = await saveDraft(db, { ...ids, fields: { a: '3' } }, cache);
    expect(saved.ok && saved.draft).toMatchObject({ revision: 1, fields: { a: '3' } });
    expect((await getDraft(db, ids.key))?.fields).toEqual({ a: '3' });
  });

  it('a failed write forgets the cached draft and leaves the stored one as it was', async () => {
    const { db, clock } = freshDb();
    const cache = createDraftCache();
    await saveDraft(db, { ...ids, fields: { a: '1' } }, cache);
    const put = vi
      .spyOn(db.drafts, 'put')
      .mockRejectedValueOnce(Object.assign(new Error('disk'), { name: 'UnknownError' }));
    clock.advance(1000);
    await expect(saveDraft(db, { ...ids, fields: { a: '2' } }, cache)).rejects.toThrow();
    expect(cache.get(ids.key)).toBeUndefined();
    expect((await getDraft(db, ids.key))?.fields).toEqual({ a: '1' });
    put.mockRestore();
    const retried = await saveDraft(db, { ...ids, fields: { a: '2' } }, cache);
    expect(retried.ok && retried.draft).toMatchObject({ revision: 2, fields: { a: '2' } });
  });

  it('keeps at most its limit of drafts, the least recently saved leaving first', () => {
    const cache = createDraftCache(2);
    const entry = (key: string) => ({ draft: { key } as never, lastRevision: undefined });
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    cache.set('a', entry('a'));
    cache.set('c', entry('c'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => e?.draft.key)).toEqual(['a', undefined, 'c']);
  });
});
