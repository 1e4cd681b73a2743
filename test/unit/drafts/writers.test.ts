import { describe, expect, it } from 'vitest';
import { getDraft, saveDraft } from '@/lib/drafts/store';
import { freshDb } from '@/test/fixtures/drafts/sample';

const ids = { key: 'service.most.gov.cn|W1', host: 'service.most.gov.cn', applicationId: 'W1' };

describe('saveDraft with writers and per-field bases', () => {
  it('a writer’s own newer revisions are no conflict, even when its base is old', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...ids, fields: { a: '1' }, writer: 'tabA', seq: 1, bases: { a: null } });
    // tab A posted again before it heard back: its base is still "absent"
    const second = await saveDraft(db, { ...ids, fields: { a: '12' }, writer: 'tabA', seq: 2, bases: { a: null } });
    expect(second).toMatchObject({ ok: true, draft: { revision: 2, fields: { a: '12' } } });
    expect(second.ok && second.held).toBeUndefined();
  });

  it('a field another writer changed meanwhile is held back; the writer’s other fields are saved', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...ids, fields: { a: 'x', b: 'y' }, writer: 'tabA', seq: 1 });
    await saveDraft(db, { ...ids, fields: { a: 'from B' }, writer: 'tabB', seq: 1, bases: { a: 'x' } });
    const result = await saveDraft(db, {
      ...ids,
      fields: { a: 'from A', b: 'y2' },
      writer: 'tabA',
      seq: 2,
      bases: { a: 'x', b: 'y' },
    });
    expect(result.ok && result.held).toEqual({ a: 'from B' });
    expect((await getDraft(db, ids.key))?.fields).toEqual({ a: 'from B', b: 'y2' });
  });

  it('a page’s notes (bookkeeping fields) that another writer changed meanwhile are merged, never held for the user', async () => {
    const { db } = freshDb();
    const sections = (m: Record<string, string>) => JSON.stringify(m);
    await saveDraft(db, {
      ...ids,
      fields: { '~sections': sections({ a: '基本信息' }), '~yuan': 'x' },
      writer: 'tabA',
      seq: 1,
    });
    await saveDraft(db, {
      ...ids,
      fields: { '~sections': sections({ a: '基本信息', b: '经费预算' }), '~yuan': 'x,y' },
      writer: 'tabB',
      seq: 1,
      bases: { '~sections': sections({ a: '基本信息' }), '~yuan': 'x' },
    });
    const result = await saveDraft(db, {
      ...ids,
      fields: { '~sections': sections({ a: '一、基本信息', c: '参与单位' }), '~yuan': 'z' },
      writer: 'tabA',
      seq: 2,
      bases: { '~sections': sections({ a: '基本信息' }), '~yuan': 'x' },
    });
    expect(result.ok && result.held).toBeUndefined();
    const fields = (await getDraft(db, ids.key))?.fields ?? {};
    expect(JSON.parse(fields['~sections']!)).toEqual({ a: '一、基本信息', b: '经费预算', c: '参与单位' });
    expect(fields['~yuan']).toBe('z');
  });

  it('a field the writer left as it knew it never overwrites another writer’s value', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...ids, fields: { a: 'old', b: 'old' }, writer: 'tabA', seq: 1 });
    await saveDraft(db, { ...ids, fields: { b: 'B typed this' }, writer: 'tabB', seq: 1, bases: { b: 'old' } });
    // tab A resends its whole form: b still shows what A knew
    const result = await saveDraft(db, {
      ...ids,
      fields: { a: 'new', b: 'old' },
      writer: 'tabA',
      seq: 2,
      bases: { a: 'old', b: 'old' },
    });
    expect(result.ok && result.held).toBeUndefined();
    expect((await getDraft(db, ids.key))?.fields).toEqual({ a: 'new', b: 'B typed this' });
  });

  it('a change already committed (same writer, same or lower number) is acknowledged without a new revision', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...ids, fields: { a: '1' }, writer: 'tabA', seq: 5 });
    const again = await saveDraft(db, { ...ids, fields: { a: 'stale' }, writer: 'tabA', seq: 4 });
    expect(again).toMatchObject({ ok: true, draft: { revision: 1, fields: { a: '1' } } });
  });

  it('properties the row holds that this version does not know are kept on the next save', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...ids, fields: { a: '1' } });
    await db.drafts.update(ids.key, { futureProperty: { kept: true } } as never);
    await saveDraft(db, { ...ids, fields: { a: '2' } });
    expect(await db.drafts.get(ids.key)).toMatchObject({ futureProperty: { kept: true }, fields: { a: '2' } });
  });

  it('a 2,000-field form one page load wrote keeps one writer name on the row, and another tab’s field by name', async () => {
    const { db } = freshDb();
    const fields = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`cydw[${i}].dwmc`, '上海交通大学']));
    await saveDraft(db, { ...ids, fields, writer: 'tabA', seq: 1 });
    await saveDraft(db, {
      ...ids,
      fields: { 'cydw[7].dwmc': 'B' },
      writer: 'tabB',
      seq: 1,
      bases: { 'cydw[7].dwmc': '上海交通大学' },
    });
    const row = await db.drafts.get(ids.key);
    expect(row?.writers).toEqual({ most: 'tabA', by: { 'cydw[7].dwmc': 'tabB' } });
    expect(row).not.toHaveProperty('fieldWriters');
    // tab A's base for field 8 is old, but it wrote that field last: no conflict; field 7 is B's: held
    const result = await saveDraft(db, {
      ...ids,
      fields: { 'cydw[7].dwmc': 'A7', 'cydw[8].dwmc': 'A8' },
      writer: 'tabA',
      seq: 2,
      bases: { 'cydw[7].dwmc': 'stale', 'cydw[8].dwmc': 'stale' },
    });
    expect(result.ok && result.held).toEqual({ 'cydw[7].dwmc': 'B' });
    expect((await getDraft(db, ids.key))?.fields['cydw[8].dwmc']).toBe('A8');
  });

  it('a row kept before compact writers (a writer per field) is read as it was, and written compact', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...ids, fields: { a: 'A wrote', b: 'B wrote' } });
    await db.drafts.update(ids.key, { fieldWriters: { a: 'tabA', b: 'tabB' } });
    const result = await saveDraft(db, {
      ...ids,
      fields: { a: 'A again', b: 'A over B' },
      writer: 'tabA',
      seq: 1,
      bases: { a: 'stale', b: 'stale' },
    });
    expect(result.ok && result.held).toEqual({ b: 'B wrote' });
    const row = await db.drafts.get(ids.key);
    expect(row?.fields).toEqual({ a: 'A again', b: 'B wrote' });
    expect(row).not.toHaveProperty('fieldWriters');
    expect(row?.writers).toEqual({ by: { a: 'tabA', b: 'tabB' } });
  });
});
