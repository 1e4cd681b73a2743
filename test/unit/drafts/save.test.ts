import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteDraft, getDraft, saveDraft } from '@/lib/drafts/store';
import { freshDb } from '@/test/fixtures/drafts/sample';

const base = { key: 'service.most.gov.cn|A001', host: 'service.most.gov.cn', applicationId: 'A001' };

describe('saveDraft', () => {
  afterEach(() => vi.restoreAllMocks());

  it('creates a draft at revision 1 with defaults, and merges later fields into it', async () => {
    const { db, clock } = freshDb();
    const first = await saveDraft(db, { ...base, fields: { projectNameZh: '储能', startDate: '2020-01-01' } });
    expect(first).toMatchObject({
      ok: true,
      draft: { revision: 1, title: 'A001', createdAt: '2024-03-01T02:00:00.000Z' },
    });
    clock.advance(1000);
    const second = await saveDraft(db, { ...base, fields: { startDate: '2020-02-01' }, direction: '1.4' });
    expect(second.ok && second.draft).toMatchObject({
      revision: 2,
      direction: '1.4',
      fields: { projectNameZh: '储能', startDate: '2020-02-01' },
      createdAt: '2024-03-01T02:00:00.000Z',
      updatedAt: '2024-03-01T02:00:01.000Z',
    });
    expect(await getDraft(db, base.key)).toEqual(second.ok && second.draft);
  });

  it('removes the fields named in removeFields and replaces the checklist as a whole', async () => {
    const { db } = freshDb();
    await saveDraft(db, {
      ...base,
      fields: { a: '1', b: '2' },
      checklist: { owners: { r1: '李四' }, confirmations: { r2: { at: 'x' } } },
    });
    const saved = await saveDraft(db, { ...base, removeFields: ['a'], checklist: { owners: { r3: '王五' } } });
    expect(saved.ok && saved.draft.fields).toEqual({ b: '2' });
    expect(saved.ok && saved.draft.checklist).toEqual({
      owners: { r3: '王五' },
      confirmations: {},
      documents: {},
      acknowledgements: {},
    });
  });

  it('does not bump the revision when nothing changed', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...base, fields: { a: '1' } });
    const again = await saveDraft(db, { ...base, fields: { a: '1' }, baseRevision: 1 });
    expect(again.ok && again.draft.revision).toBe(1);
  });

  // Only the fields a save wrote or removed are compared with the stored draft: each kind of change still counts.
  it.each([
    ['the same value again', 1, { fields: { a: '1' } }],
    ['a field the draft does not have removed', 1, { removeFields: ['toString', 'z'] }],
    ['the same title, direction and checklist', 1, { title: 't', direction: '1.1', checklist: {} }],
    ['a field changed', 2, { fields: { a: '2' } }],
    ['a new field', 2, { fields: { c: '' } }],
    ['a field removed', 2, { removeFields: ['b'] }],
    ['the title changed', 2, { title: 't2' }],
    ['the direction changed', 2, { direction: '1.2' }],
    ['a checklist tick', 2, { checklist: { owners: { r: '李四' } } }],
  ])('a save with %s: revision %i', async (_, revision, change) => {
    const { db } = freshDb();
    await saveDraft(db, { ...base, title: 't', direction: '1.1', fields: { a: '1', b: '2' } });
    const saved = await saveDraft(db, { ...base, ...change });
    expect(saved.ok && saved.draft.revision).toBe(revision);
  });

  it('two tabs saving from the same revision: one wins, the other gets the current draft back', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...base, fields: { budget: '100' } });
    const [tabA, tabB] = await Promise.all([
      saveDraft(db, { ...base, fields: { budget: '200' }, baseRevision: 1 }),
      saveDraft(db, { ...base, fields: { budget: '300' }, baseRevision: 1 }),
    ]);
    const results = [tabA, tabB];
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok && 'conflict' in r);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]!.ok ? winners[0]!.draft : undefined;
    expect(losers[0]).toEqual({ ok: false, conflict: { current: winner } });
    expect((await getDraft(db, base.key))?.fields.budget).toBe(winner?.fields.budget);
    expect(winner?.revision).toBe(2);
  });

  it('a stale baseRevision never overwrites a newer draft', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...base, fields: { a: '1' } });
    await saveDraft(db, { ...base, fields: { a: '2' }, baseRevision: 1 });
    const stale = await saveDraft(db, { ...base, fields: { a: 'old' }, baseRevision: 1 });
    expect(stale).toMatchObject({ ok: false, conflict: { current: { revision: 2, fields: { a: '2' } } } });
    expect((await getDraft(db, base.key))?.fields.a).toBe('2');
  });

  it('a save to a soft-deleted draft brings it back', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...base, fields: { a: '1' } });
    await deleteDraft(db, base.key);
    const saved = await saveDraft(db, { ...base, fields: { a: '1' } });
    expect(saved.ok && saved.draft.deletedAt).toBeUndefined();
    expect((await getDraft(db, base.key))?.deletedAt).toBeUndefined();
  });

  it('returns error "quota" on QuotaExceededError and leaves the stored draft as it was', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...base, fields: { a: '1' } });
    vi.spyOn(db.drafts, 'put').mockImplementation(() =>
      Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    );
    expect(await saveDraft(db, { ...base, fields: { a: '2' } })).toEqual({ ok: false, error: 'quota' });
    vi.restoreAllMocks();
    expect(await getDraft(db, base.key)).toMatchObject({ revision: 1, fields: { a: '1' } });
    expect(await db.revisions.count()).toBe(1);
  });

  it('other storage errors are not disguised as quota', async () => {
    const { db } = freshDb();
    vi.spyOn(db.drafts, 'put').mockImplementation(() => Dexie.Promise.reject(new DOMException('boom', 'UnknownError')));
    await expect(saveDraft(db, { ...base, fields: { a: '2' } })).rejects.toThrow();
  });

  it.each([
    ['empty key', { ...base, key: '' }, 'draft.key'],
    ['field value not a string', { ...base, fields: { a: 3 } }, 'draft.fields.a'],
    ['negative baseRevision', { ...base, baseRevision: -1 }, 'draft.baseRevision'],
  ])('refuses bad input (%s) with the path of the error', async (_, input, path) => {
    const { db } = freshDb();
    const result = await saveDraft(db, input as never);
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect(!result.ok && 'problems' in result && result.problems.map((p) => p.path)).toEqual([path]);
    expect(await db.drafts.count()).toBe(0);
  });
});
