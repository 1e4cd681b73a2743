import { Dexie } from 'dexie';
import { expect, it } from 'vitest';
import { createDraftSaver } from '@/lib/autosave/saver';
import { checkDatabase, openDraftDb } from '@/lib/drafts/db';
import type { MirrorStore } from '@/lib/drafts/mirror';
import { getDraft, purgeDeleted, deleteDraft, saveDraft } from '@/lib/drafts/store';

const ids = { key: 'service.most.gov.cn|M1', host: 'service.most.gov.cn', applicationId: 'M1' };

function memoryStore(): MirrorStore & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    getAll: async () => structuredClone(items),
    set: async (more) => void Object.assign(items, structuredClone(more)),
    remove: async (keys) => {
      for (const k of keys) delete items[k];
    },
  };
}

function saverOn(name: string, mirror: MirrorStore) {
  const db = openDraftDb(name);
  return { db, saver: createDraftSaver({ db, check: () => checkDatabase(name), mirror, estimate: async () => ({}) }) };
}

it('a wiped database is restored from the copy at the next start, and the tab is told what was recovered', async () => {
  const name = `mirror-${Math.random()}`;
  const mirror = memoryStore();
  const first = saverOn(name, mirror);
  await first.saver.save({ ...ids, fields: { a: '储能材料', b: '' }, writer: 'W', seq: 1 });
  await first.saver.save({ ...ids, fields: { b: '第二个字段' }, writer: 'W', seq: 2 });
  await new Promise((r) => setTimeout(r, 10));
  first.db.close();
  await Dexie.delete(name); // what Chromium does to a database it finds corrupt

  const second = saverOn(name, mirror);
  await second.saver.ready;
  expect((await getDraft(second.db, ids.key))?.fields).toEqual({ a: '储能材料', b: '第二个字段' });
  const { recovered } = await second.saver.noticesFor(ids.key);
  expect(recovered?.zh).toMatch(/^草稿数据库曾被浏览器清除或损坏，已从备份副本恢复此申报书的草稿（2 个字段/);
  expect((await second.saver.noticesFor(ids.key)).recovered).toBeUndefined(); // told once
  second.db.close();
});

/** A store that also records what each write carried */
function recordingStore() {
  const store = memoryStore();
  const writes: Record<string, unknown>[] = [];
  let failing = false;
  return {
    ...store,
    writes,
    fail(on: boolean) {
      failing = on;
    },
    set: async (more: Record<string, unknown>) => {
      if (failing) throw new Error('QuotaExceededError');
      writes.push(structuredClone(more));
      await store.set(more);
    },
  };
}

it('a keystroke writes only what changed over the copy; a wiped database gets the copy with its changes back', async () => {
  const name = `mirror-${Math.random()}`;
  const mirror = recordingStore();
  const first = saverOn(name, mirror);
  const many = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`cydw[${i}].dwmc`, '']));
  await first.saver.save({ ...ids, fields: { ...many, a: '储能' }, writer: 'W', seq: 1 });
  await first.saver.save({ ...ids, fields: { a: '储能材' }, writer: 'W', seq: 2 });
  // Another page drops a field (not through autosave): the next commit's delta says it is gone.
  await saveDraft(first.db, { ...ids, removeFields: ['cydw[0].dwmc'] });
  await first.saver.save({ ...ids, fields: { b: '新字段' }, writer: 'W', seq: 3 });
  await new Promise((r) => setTimeout(r, 10));
  // The first commit: the whole copy. Each later one: its delta alone, a few fields, never the 400 again.
  const writes = mirror.writes.filter((w) => !('draftCopy@database' in w)); // the start marks the database
  expect(Object.keys(writes[0]!)).toEqual([`draftCopy:${ids.key}`, `draftCopyDelta:${ids.key}`]);
  for (const write of writes.slice(1)) {
    expect(Object.keys(write)).toEqual([`draftCopyDelta:${ids.key}`]);
    expect(JSON.stringify(write).length).toBeLessThan(1000);
  }
  expect(writes.at(-1)).toMatchObject({
    [`draftCopyDelta:${ids.key}`]: {
      base: 1,
      draft: { revision: 4 },
      fields: { a: '储能材', b: '新字段' },
      removed: ['cydw[0].dwmc'],
    },
  });
  first.db.close();
  await Dexie.delete(name);

  const second = saverOn(name, mirror);
  await second.saver.ready;
  const back = await getDraft(second.db, ids.key);
  expect(back?.revision).toBe(4);
  expect(back?.fields).toEqual({ ...Object.fromEntries(Object.entries(many).slice(1)), a: '储能材', b: '新字段' });
  second.db.close();
});

it('a delta over many fields, or after a failed write, is written as the whole copy; a delta over another copy is ignored', async () => {
  const name = `mirror-${Math.random()}`;
  const mirror = recordingStore();
  const { db, saver } = saverOn(name, mirror);
  await saver.save({ ...ids, fields: { a: '1' }, writer: 'W', seq: 1 });
  const wide = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, 'x']));
  await saver.save({ ...ids, fields: wide, writer: 'W', seq: 2 });
  await new Promise((r) => setTimeout(r, 10));
  expect(Object.keys(mirror.writes.at(-1)!)).toContain(`draftCopy:${ids.key}`);

  mirror.fail(true);
  await saver.save({ ...ids, fields: { a: '2' }, writer: 'W', seq: 3 });
  await new Promise((r) => setTimeout(r, 10));
  mirror.fail(false);
  await saver.save({ ...ids, fields: { a: '3' }, writer: 'W', seq: 4 });
  await new Promise((r) => setTimeout(r, 10));
  expect(Object.keys(mirror.writes.at(-1)!)).toContain(`draftCopy:${ids.key}`);
  db.close();
  await Dexie.delete(name);

  // A delta whose base is not the copy (a copy written by another worker's life meanwhile) is not applied.
  const copy = mirror.items[`draftCopy:${ids.key}`] as { revision: number };
  mirror.items[`draftCopyDelta:${ids.key}`] = {
    base: copy.revision - 1,
    draft: copy,
    fields: { a: 'stale' },
    removed: [],
  };
  const again = saverOn(name, mirror);
  await again.saver.ready;
  expect((await getDraft(again.db, ids.key))?.fields.a).toBe('3');
  again.db.close();
});

it('in the database the copies were made from, a draft deleted for good stays deleted', async () => {
  const name = `mirror-${Math.random()}`;
  const mirror = memoryStore();
  const first = saverOn(name, mirror);
  await first.saver.save({ ...ids, fields: { a: '1' } });
  await new Promise((r) => setTimeout(r, 10));
  await deleteDraft(first.db, ids.key);
  await purgeDeleted(first.db, new Date(Date.now() + 1000));
  first.db.close();
  const second = saverOn(name, mirror);
  await second.saver.ready;
  expect(await getDraft(second.db, ids.key)).toBeUndefined();
  expect(Object.keys(mirror.items).filter((k) => k.startsWith('draftCopy:'))).toEqual([]);
  second.db.close();
});

/** Three kinds of database a newer GuideCheck could leave. */
const newer: [string, (name: string) => Promise<void>][] = [
  [
    'a higher version',
    async (name) => {
      const db = new Dexie(name);
      db.version(3).stores({
        drafts: 'key, host, updatedAt, deletedAt, guideline',
        checklists: 'key',
        revisions: '++id, key, [key+at]',
        profiles: 'id, kind',
        meta: 'key',
        shares: 'id',
      });
      await db.table('drafts').put({ key: ids.key, fields: { a: 'x' }, revision: 1, unknownProperty: 1 });
      db.close();
    },
  ],
  [
    'a missing table',
    async (name) => {
      const db = new Dexie(name);
      db.version(2).stores({
        drafts: 'key, host, updatedAt, deletedAt, guideline',
        revisions: '++id, key, [key+at]',
        profiles: 'id, kind',
        meta: 'key',
      });
      await db.open();
      db.close();
    },
  ],
  [
    'a changed key path',
    async (name) => {
      const db = new Dexie(name);
      db.version(2).stores({
        drafts: 'id, key, host, updatedAt',
        checklists: 'key',
        revisions: '++id, key, [key+at]',
        profiles: 'id, kind',
        meta: 'key',
      });
      await db.open();
      db.close();
    },
  ],
];

for (const [kind, make] of newer)
  it(`a database with ${kind} stops autosave with the update message and is left untouched`, async () => {
    const name = `newer-${Math.random()}`;
    await make(name);
    const before = await checkDatabase(name);
    expect(before.state).toBe('newer');
    const { saver } = saverOn(name, memoryStore());
    const outcome = await saver.save({ ...ids, fields: { a: 'typed' } });
    expect(outcome).toMatchObject({ ok: false, reason: 'newerDatabase', final: true });
    expect(!outcome.ok && 'message' in outcome && outcome.message?.zh).toMatch(
      /^草稿数据库来自较新版本，请更新 GuideCheck/,
    );
    const raw = new Dexie(name);
    await raw.open();
    expect(raw.verno).toBe(kind === 'a higher version' ? 3 : 2); // never bumped to recreate what it lacks
    if (kind === 'a higher version')
      expect(await raw.table('drafts').get(ids.key)).toMatchObject({ unknownProperty: 1, fields: { a: 'x' } });
    expect(raw.tables.map((t) => t.name).sort()).toEqual(
      kind === 'a missing table'
        ? ['drafts', 'meta', 'profiles', 'revisions']
        : kind === 'a higher version'
          ? ['checklists', 'drafts', 'meta', 'profiles', 'revisions', 'shares']
          : ['checklists', 'drafts', 'meta', 'profiles', 'revisions'],
    );
    raw.close();
  });

it('our own database, and none at all, are fine', async () => {
  const name = `ours-${Math.random()}`;
  expect(await checkDatabase(name)).toEqual({ state: 'absent' });
  const db = openDraftDb(name);
  await db.open();
  db.close();
  expect(await checkDatabase(name)).toEqual({ state: 'ours' });
});
