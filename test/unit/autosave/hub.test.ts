import { expect, test } from 'vitest';
import { type SaveBatch, type SaveOutcome, createAutosaveHub } from '@/lib/autosave/hub';
import type { AutosaveMessage, AutosaveReply } from '@/lib/messages/protocol';

const change = (fields: Record<string, string>, key = 'h|A1'): AutosaveMessage => ({
  type: 'draftChanges',
  key,
  host: 'h',
  applicationId: 'A1',
  fields,
});

/** A save we resolve by hand, to see what happens while a commit is under way. */
function manualSaves() {
  const calls: { batch: SaveBatch; resolve(o: SaveOutcome): void }[] = [];
  const save = (batch: SaveBatch) => new Promise<SaveOutcome>((resolve) => calls.push({ batch, resolve }));
  return { calls, save };
}

test('a change is committed at once; changes during a commit are merged into the next one', async () => {
  const { calls, save } = manualSaves();
  const replies: [string, AutosaveReply][] = [];
  const hub = createAutosaveHub({ save, reply: (p, m) => replies.push([p, m]) });
  void hub.receive('tab1', change({ a: '1' }));
  expect(calls.map((c) => c.batch.fields)).toEqual([{ a: '1' }]);
  void hub.receive('tab1', change({ a: '12' }));
  void hub.receive('tab1', change({ b: 'x' }));
  expect(calls).toHaveLength(1); // no second write while the first runs
  calls[0]!.resolve({ ok: true, revision: 1 });
  await new Promise((r) => setTimeout(r, 0));
  expect(calls.map((c) => c.batch.fields)).toEqual([{ a: '1' }, { a: '12', b: 'x' }]);
  calls[1]!.resolve({ ok: true, revision: 2 });
  await hub.idle();
  expect(replies.map(([p, m]) => [p, m.type, m.type === 'saved' && m.revision])).toEqual([
    ['tab1', 'saved', 1],
    ['tab1', 'saved', 2],
  ]);
});

test('drafts are independent: one draft waiting does not hold another', async () => {
  const { calls, save } = manualSaves();
  const hub = createAutosaveHub({ save, reply: () => {} });
  void hub.receive('t', change({ a: '1' }, 'h|A1'));
  void hub.receive('t', change({ a: '1' }, 'h|B2'));
  expect(calls.map((c) => c.batch.key)).toEqual(['h|A1', 'h|B2']);
});

test('a failed commit keeps the values in memory and retries them under newer ones', async () => {
  const { calls, save } = manualSaves();
  const replies: AutosaveReply[] = [];
  const hub = createAutosaveHub({ save, reply: (_p, m) => replies.push(m) });
  void hub.receive('t', change({ a: 'old', b: 'kept' }));
  calls[0]!.resolve({ ok: false, error: 'quota' });
  await hub.idle();
  expect(replies).toEqual([{ type: 'saveFailed', key: 'h|A1', error: 'quota' }]);
  void hub.receive('t', change({ a: 'new' }));
  expect(calls[1]!.batch.fields).toEqual({ a: 'new', b: 'kept' });
});

test('a throwing save is a failure reply, not an exception', async () => {
  const replies: AutosaveReply[] = [];
  const hub = createAutosaveHub({
    save: async () => Promise.reject(new Error('disk gone')),
    reply: (_p, m) => replies.push(m),
  });
  await hub.receive('t', change({ a: '1' }));
  expect(replies).toEqual([{ type: 'saveFailed', key: 'h|A1', error: 'disk gone' }]);
});

/** A draft store in memory with the compare-and-set of lib/drafts saveDraft. */
function memoryDraft() {
  let draft = { revision: 0, fields: {} as Record<string, string> };
  const save = async (batch: SaveBatch): Promise<SaveOutcome> => {
    if (batch.baseRevision !== undefined && draft.revision !== 0 && batch.baseRevision !== draft.revision)
      return { ok: false, conflict: { ...draft } };
    draft = { revision: draft.revision + 1, fields: { ...draft.fields, ...batch.fields } };
    return { ok: true, revision: draft.revision };
  };
  return { save, get: () => draft };
}

test('two tabs: a tab’s own earlier commits count as seen, another tab’s write makes a stale post a conflict', async () => {
  const store = memoryDraft();
  const replies: [string, AutosaveReply][] = [];
  const hub = createAutosaveHub({ save: store.save, reply: (p, m) => replies.push([p, m]) });
  await hub.receive('tabA', { ...change({ a: '1' }), baseRevision: 0 });
  // tab A types on before it heard back: its base is still 0, its own commit (1) counts as seen
  await hub.receive('tabA', { ...change({ a: '12' }), baseRevision: 0 });
  expect(store.get()).toEqual({ revision: 2, fields: { a: '12' } });
  // tab B opened at revision 2 and saves; tab A, still at its own revision 2, is now stale
  await hub.receive('tabB', { ...change({ b: 'x' }), baseRevision: 2 });
  await hub.receive('tabA', { ...change({ a: '123' }), baseRevision: 2 });
  expect(store.get()).toEqual({ revision: 3, fields: { a: '12', b: 'x' } });
  expect(replies.at(-1)).toEqual(['tabA', { type: 'conflict', key: 'h|A1', revision: 3, fields: { a: '12', b: 'x' } }]);
});
