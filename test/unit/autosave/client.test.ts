import { expect, test } from 'vitest';
import { createSaveClient, type SaveChannel, type SaveClientState } from '@/lib/autosave/client';
import { createAutosaveHub, type SaveBatch, type SaveOutcome } from '@/lib/autosave/hub';
import type { AutosaveHello, AutosaveMessage, AutosaveReply } from '@/lib/messages/protocol';

const identity = () => ({ key: 'h|A1', host: 'h', applicationId: 'A1' });

/** A channel whose posts we read and whose replies we hand over by hand. */
function manualChannel() {
  const posts: (AutosaveMessage | AutosaveHello)[] = [];
  let onMessage: (m: AutosaveReply) => void = () => {};
  let onReconnect: () => void = () => {};
  const channel: SaveChannel = {
    post: (m) => posts.push(m),
    onMessage: (fn) => {
      onMessage = fn;
    },
    onReconnect: (fn) => {
      onReconnect = fn;
    },
  };
  return { channel, posts, reply: (m: AutosaveReply) => onMessage(m), reconnect: () => onReconnect() };
}

function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimer: (fn: () => void) => {
      timers.set(++next, fn);
      return next;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    fire() {
      const all = [...timers.values()];
      timers.clear();
      for (const fn of all) fn();
    },
    get size() {
      return timers.size;
    },
  };
}

const changes = (posts: unknown[]) =>
  (posts as AutosaveMessage[]).filter((p) => p.type === 'draftChanges').map((p) => [p.seq, p.fields, p.bases]);

test('every change is numbered and kept until acknowledged; an overdue acknowledgement resends all of it', () => {
  const { channel, posts, reply } = manualChannel();
  const timers = manualTimers();
  const client = createSaveClient({ channel, identity, onState: () => {}, writer: 'W', ...timers });
  client.start({ a: 'saved' });
  client.change({ a: 'saved1' });
  client.change({ b: 'x' });
  reply({ type: 'saved', key: 'h|A1', revision: 5, at: 't', writer: 'W', seq: 1 });
  expect(client.unsaved()).toEqual({ b: 'x' });
  timers.fire(); // the worker stopped: no acknowledgement of change 2
  expect(changes(posts).at(-1)).toEqual([3, { b: 'x' }, { b: null }]);
  reply({ type: 'saved', key: 'h|A1', revision: 6, at: 't', writer: 'W', seq: 3 });
  expect(client.unsaved()).toEqual({});
  expect(client.getState().unsaved).toBe(0);
});

test('a reconnected port hears hello and gets every unacknowledged change again', () => {
  const { channel, posts, reconnect } = manualChannel();
  const client = createSaveClient({ channel, identity, onState: () => {}, writer: 'W', ...manualTimers() });
  client.start({});
  client.change({ a: '1' });
  client.change({ a: '12', b: '2' });
  reconnect();
  expect(posts.at(-2)).toEqual({ type: 'hello', key: 'h|A1', writer: 'W' });
  expect(changes(posts).at(-1)).toEqual([3, { a: '12', b: '2' }, { a: null, b: null }]);
});

test('a draft that could not be read at start gives no bases: changes merge, never held against unseen values', () => {
  const { channel, posts } = manualChannel();
  const client = createSaveClient({ channel, identity, onState: () => {}, writer: 'W', ...manualTimers() });
  client.start(undefined);
  client.change({ a: '1' });
  expect((posts.at(-1) as AutosaveMessage).bases).toBeUndefined();
});

test('a change typed while the draft is still being read carries no bases (it would be held against values never seen)', () => {
  const { channel, posts } = manualChannel();
  const client = createSaveClient({ channel, identity, onState: () => {}, writer: 'W', ...manualTimers() });
  client.change({ a: 'typed early' });
  expect(changes(posts)).toEqual([[1, { a: 'typed early' }, undefined]]);
  client.start({ a: 'saved' });
  client.change({ b: 'later' });
  expect(changes(posts).at(-1)).toEqual([2, { b: 'later' }, { b: null }]);
});

test('a failure shows the background’s message with a retry, and no resend hammers the database meanwhile', () => {
  const { channel, posts, reply } = manualChannel();
  const timers = manualTimers();
  const states: SaveClientState[] = [];
  const client = createSaveClient({ channel, identity, onState: (s) => states.push(s), writer: 'W', ...timers });
  client.change({ a: '1' });
  const message = { zh: '磁盘空间不足，草稿暂未保存。', en: 'The disk is full.' };
  reply({
    type: 'saveFailed',
    key: 'h|A1',
    error: 'x',
    reason: 'diskFull',
    message,
    retryInMs: 1000,
    writer: 'W',
    seq: 1,
  });
  expect(states.at(-1)?.saveProblem).toEqual({ message, retry: true });
  expect(timers.size).toBe(0);
  client.retry();
  expect((posts.at(-1) as AutosaveMessage).retry).toBe(true);
  expect((posts.at(-1) as AutosaveMessage).fields).toEqual({ a: '1' });
});

test('three tabs through the real hub: nothing typed in one tab is erased by another, “keep mine” takes one click', async () => {
  let draft = { revision: 0, fields: {} as Record<string, string>, writers: {} as Record<string, string> };
  // The store's per-field rule (lib/drafts/store.ts mergeFields), in memory.
  const save = async (b: SaveBatch): Promise<SaveOutcome> => {
    const fields = { ...draft.fields };
    const held: Record<string, string> = {};
    const written: Record<string, string> = {};
    for (const [k, v] of Object.entries(b.fields)) {
      const base = b.bases?.[k] ?? undefined;
      if (fields[k] === v) continue;
      if (base === fields[k] || draft.writers[k] === b.writer) {
        fields[k] = v;
        written[k] = v;
        draft.writers[k] = b.writer!;
      } else if (v !== (base ?? '') && fields[k] !== undefined) held[k] = fields[k];
    }
    draft = { ...draft, revision: draft.revision + 1, fields };
    return { ok: true, revision: draft.revision, held, written };
  };
  const ports = new Map<string, (m: AutosaveReply) => void>();
  const hub = createAutosaveHub({ save, reply: (p, m) => ports.get(p)?.(m) });
  const tab = (name: string) => {
    const channel: SaveChannel = {
      post: (m) => (m.type === 'hello' ? hub.hello(name, m.key, m.writer) : void hub.receive(name, m)),
      onMessage: (fn) => void ports.set(name, fn),
      onReconnect: () => {},
    };
    const client = createSaveClient({ channel, identity, onState: () => {}, writer: name, ...manualTimers() });
    client.start({});
    return client;
  };
  const [a, b, c] = [tab('A'), tab('B'), tab('C')];
  a.change({ name: '甲' });
  b.change({ english: 'typed in B only' });
  c.change({ budget: '300' });
  await hub.idle();
  b.change({ name: '乙' }); // B changes a field A wrote: held, B chooses
  c.change({ name: '丙' });
  await hub.idle();
  expect(b.getState().held).toEqual({ name: { mine: '乙', theirs: '甲' } });
  a.change({ name: '甲2' }); // A types on: B's choice must be against the newest value
  await hub.idle();
  expect(b.getState().held.name?.theirs).toBe('甲2');
  b.resolve({ name: 'mine' });
  await hub.idle();
  expect(b.getState().held).toEqual({});
  expect(draft.fields).toEqual({ name: '乙', english: 'typed in B only', budget: '300' });
});

test('answers that hold nothing back keep the held map as it was (the panel is not told of banners at every key)', () => {
  const { channel, reply } = manualChannel();
  const client = createSaveClient({ channel, identity, onState: () => {}, writer: 'W', ...manualTimers() });
  client.start({ a: 'base', c: 'base' });
  client.change({ a: 'mine' });
  const before = client.getState().held;
  reply({ type: 'saved', key: 'h|A1', revision: 2, at: 't', writer: 'W', seq: 1 });
  reply({ type: 'revision', key: 'h|A1', revision: 3, writer: 'X', fields: { b: 'theirs' } });
  expect(client.getState().held).toBe(before);
  expect(client.getState().lastSaved).toEqual({ revision: 2, at: 't' });

  // One held back: a new map with it; another tab's newer value of that field: a new map again.
  client.change({ c: 'mine' });
  reply({ type: 'saved', key: 'h|A1', revision: 4, at: 't2', writer: 'W', seq: 2, held: { c: 'theirs' } });
  const held = client.getState().held;
  expect(held).not.toBe(before);
  expect(held).toEqual({ c: { mine: 'mine', theirs: 'theirs' } });
  reply({ type: 'revision', key: 'h|A1', revision: 5, writer: 'X', fields: { c: 'theirs2' } });
  expect(client.getState().held).toEqual({ c: { mine: 'mine', theirs: 'theirs2' } });
  expect(held).toEqual({ c: { mine: 'mine', theirs: 'theirs' } });
});
