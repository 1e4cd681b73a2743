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

test('a failed commit backs off: nothing is written until the timer or a retry, then all of it under newer values', async () => {
  const { calls, save } = manualSaves();
  const replies: AutosaveReply[] = [];
  const timers: { fn(): void; ms: number }[] = [];
  const hub = createAutosaveHub({
    save,
    reply: (_p, m) => replies.push(m),
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  void hub.receive('t', change({ a: 'old', b: 'kept' }));
  calls[0]!.resolve({
    ok: false,
    error: 'disk full',
    reason: 'diskFull',
    message: { zh: '磁盘空间不足', en: 'Disk full' },
  });
  await hub.idle();
  expect(replies).toEqual([
    {
      type: 'saveFailed',
      key: 'h|A1',
      error: 'disk full',
      reason: 'diskFull',
      message: { zh: '磁盘空间不足', en: 'Disk full' },
      retryInMs: 1000,
    },
  ]);
  void hub.receive('t', change({ a: 'new' }));
  void hub.receive('t', change({ c: '1' }));
  expect(calls).toHaveLength(1); // never hammer a failing database
  timers[0]!.fn();
  expect(calls[1]!.batch.fields).toEqual({ a: 'new', b: 'kept', c: '1' });
  calls[1]!.resolve({ ok: false, error: 'still full' });
  await hub.idle();
  expect(timers.map((t) => t.ms)).toEqual([1000, 2000]);
  void hub.receive('t', { ...change({ d: '1' }), retry: true }); // the user clicked 重试
  expect(calls[2]!.batch.fields).toEqual({ a: 'new', b: 'kept', c: '1', d: '1' });
});

test('a throwing save is a failure reply, not an exception', async () => {
  const replies: AutosaveReply[] = [];
  const hub = createAutosaveHub({
    save: async () => Promise.reject(new Error('disk gone')),
    reply: (_p, m) => replies.push(m),
    setTimer: () => {},
  });
  await hub.receive('t', change({ a: '1' }));
  expect(replies).toEqual([{ type: 'saveFailed', key: 'h|A1', error: 'disk gone', retryInMs: 1000 }]);
});

test('acknowledgements name the writer and its last change; a reconnected writer is answered on its new port', async () => {
  const { calls, save } = manualSaves();
  const replies: [string, AutosaveReply][] = [];
  const hub = createAutosaveHub({ save, reply: (p, m) => replies.push([p, m]) });
  void hub.receive('port1', { ...change({ a: '1' }), writer: 'W', seq: 1 });
  void hub.receive('port1', { ...change({ a: '12' }), writer: 'W', seq: 2 });
  // the worker's port died; the same page load speaks through a new one
  void hub.receive('port2', { ...change({ a: '123' }), writer: 'W', seq: 3 });
  calls[0]!.resolve({ ok: true, revision: 1 });
  await new Promise((r) => setTimeout(r, 0));
  expect(calls[1]!.batch).toMatchObject({ fields: { a: '123' }, seq: 3 });
  calls[1]!.resolve({ ok: true, revision: 2 });
  await hub.idle();
  expect(replies.map(([p, m]) => [p, m.type === 'saved' && m.seq])).toEqual([
    ['port2', 1],
    ['port2', 3],
  ]);
});

test('each commit is broadcast to the other tabs on the draft, with the fields it wrote', async () => {
  const replies: [string, AutosaveReply][] = [];
  const hub = createAutosaveHub({
    save: async (b) => ({ ok: true, revision: 7, written: b.fields }),
    reply: (p, m) => replies.push([p, m]),
  });
  hub.hello('tabB', 'h|A1', 'B');
  hub.hello('tabC', 'h|OTHER', 'C');
  await hub.receive('tabA', { ...change({ a: '1' }), writer: 'A', seq: 1 });
  expect(replies.filter(([, m]) => m.type === 'revision')).toEqual([
    ['tabB', { type: 'revision', key: 'h|A1', revision: 7, writer: 'A', fields: { a: '1' } }],
  ]);
});

test('changes not yet committed are kept for a worker restart and committed by the next worker', async () => {
  let stored: unknown[] = [];
  const persist = {
    load: async () => stored as never,
    store: async (b: unknown[]) => {
      stored = b;
    },
  };
  const first = createAutosaveHub({ save: () => new Promise(() => {}), reply: () => {}, persist });
  await new Promise((r) => setTimeout(r, 0)); // loaded what an earlier worker left: nothing
  void first.receive('p', { ...change({ a: '1' }), writer: 'W', seq: 1 });
  void first.receive('p', { ...change({ b: '2' }), writer: 'W', seq: 2 });
  await new Promise((r) => setTimeout(r, 0));
  // the commit of a never finishes (the worker stops): both are kept, the one being written first
  expect(stored).toEqual([
    expect.objectContaining({ fields: { a: '1' }, seq: 1 }),
    expect.objectContaining({ fields: { b: '2' }, seq: 2 }),
  ]);
  const saved: SaveBatch[] = [];
  const second = createAutosaveHub({
    save: async (b) => {
      saved.push(b);
      return { ok: true, revision: 1 };
    },
    reply: () => {},
    persist,
  });
  await second.idle();
  expect(saved.map((b) => [b.fields, b.seq])).toEqual([[{ a: '1', b: '2' }, 2]]);
  expect(stored).toEqual([]);
});

test('a resend that reaches the new worker before the old worker’s batches load is not overwritten by them', async () => {
  // The old worker left the batch it was writing (the field as it was 2 keys ago) and a pending one after it.
  let stored: unknown[] = [
    { key: 'h|A1', host: 'h', applicationId: 'A1', fields: { a: 'abc' }, writer: 'W', seq: 4 },
    { key: 'h|A1', host: 'h', applicationId: 'A1', fields: { a: 'abcd', b: 'x' }, writer: 'W', seq: 5 },
  ];
  let releaseLoad = () => {};
  const persist = {
    load: () => new Promise<never>((r) => (releaseLoad = () => r(stored as never))),
    store: async (b: unknown[]) => {
      stored = b;
    },
  };
  const saved: SaveBatch[] = [];
  const hub = createAutosaveHub({
    save: async (b) => {
      saved.push(b);
      return { ok: true, revision: saved.length };
    },
    reply: () => {},
    persist,
  });
  // The tab reconnects and resends all it has not had acknowledged, before storage.session answers.
  void hub.receive('p', { ...change({ a: 'abcde' }), writer: 'W', seq: 6 });
  releaseLoad();
  await hub.idle();
  expect(saved.map((b) => [b.fields, b.seq])).toEqual([[{ a: 'abcde', b: 'x' }, 6]]);
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

test('the kept copy is emptied a second after the commits, not after each; a worker stopped before that writes nothing again', async () => {
  const stores: unknown[][] = [];
  let stored: unknown[] = [];
  const persist = {
    load: async () => stored as never,
    store: async (b: unknown[]) => {
      stores.push(b);
      stored = b;
    },
  };
  const timers: { fn: () => void; ms: number }[] = [];
  const setTimer = (fn: () => void, ms: number) => timers.push({ fn, ms });
  // The draft row's change numbers, as lib/drafts/store.ts keeps them: a batch already committed writes nothing.
  let writes = 0;
  let lastSeq = 0;
  const save = async (b: SaveBatch): Promise<SaveOutcome> => {
    if ((b.seq ?? 0) > lastSeq) {
      writes++;
      lastSeq = b.seq ?? 0;
    }
    return { ok: true, revision: writes };
  };
  const first = createAutosaveHub({ save, reply: () => {}, persist, setTimer });
  for (let seq = 1; seq <= 3; seq++) {
    await first.receive('p', { ...change({ a: 'abc'.slice(0, seq) }), writer: 'W', seq });
    await new Promise((r) => setTimeout(r, 0));
  }
  // Each change was kept before its commit; no empty copy was written after each commit.
  expect(stores.map((b) => b.length)).toEqual([1, 1, 1]);
  expect(timers.map((t) => t.ms)).toEqual([1000]);
  expect(writes).toBe(3);

  // The worker stops before the second is up: the next one commits the kept batch again, and nothing is written.
  const second = createAutosaveHub({ save, reply: () => {}, persist, setTimer });
  await new Promise((r) => setTimeout(r, 0));
  expect(writes).toBe(3);
  for (const t of timers.splice(0)) t.fn();
  await second.idle();
  expect(stored).toEqual([]);
});
