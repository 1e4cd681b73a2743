import type { AutosaveMessage, AutosaveReply, UserMessage } from '../messages/protocol';

/**
 * The background end of autosave. Content scripts post every change at once (a tab may close 50 ms after a
 * keystroke). A change is committed at once when no commit of its draft is under way; changes arriving during a
 * commit are merged and committed right after it, one commit at a time per draft.
 *
 * Writers: each page load of the form is one writer (its id comes with every change, with a growing change number).
 * The writer is acknowledged with the number of the last change committed; what is not acknowledged the content
 * script keeps and sends again. Pending changes are also kept in `persist` (storage.session), so a worker stopped
 * between a change and its commit commits it when it starts again (a commit that did finish is recognised by its
 * change number and acknowledged without a second write).
 *
 * Two tabs: with per-field bases the store merges field by field (lib/drafts/store.ts), and every commit is
 * broadcast to the other tabs on the draft, so a tab always decides on the newest values. Without bases a commit is a
 * compare-and-set on the revision the tab last saw; the writer's own earlier commits count as seen.
 *
 * A failed write (full disk, a broken database) is not retried at once: the hub backs off (1 s, doubling, at most
 * 60 s), tells the writers why, and tries again by itself or when a writer asks (retry), never hammering.
 */

export type SaveBatch = Omit<AutosaveMessage, 'type' | 'retry'>;
export type SaveOutcome =
  | { ok: true; revision: number; held?: Record<string, string>; written?: Record<string, string> }
  | { ok: false; conflict: { revision: number; fields: Record<string, string> } }
  | {
      ok: false;
      error: string;
      reason?: 'diskFull' | 'newerDatabase' | 'storage' | 'invalid';
      message?: UserMessage;
      /** A refusal that retrying cannot fix (an invalid batch, a newer database): no back-off timer */
      final?: boolean;
    };

export interface AutosaveHubOptions {
  save(batch: SaveBatch): Promise<SaveOutcome>;
  reply(portId: string, message: AutosaveReply): void;
  /** Keeps the batches not yet committed across a worker restart (storage.session in the extension) */
  persist?: {
    load(): Promise<SaveBatch[]>;
    store(batches: SaveBatch[]): Promise<void>;
  };
  /** Timers, replaceable in tests */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;
/** How long the kept copy of committed changes waits before it is emptied (see clearLater) */
const CLEAR_AFTER_MS = 1000;

export function createAutosaveHub({ save, reply, persist, setTimer = setTimeout }: AutosaveHubOptions) {
  /** Per draft key, what each writer posted and is not committed yet, in arrival order */
  const pending = new Map<string, Map<string, SaveBatch>>();
  const inFlight = new Map<string, Promise<void>>();
  /** The batch each running commit writes: persisted too, as the worker may stop before the commit ends */
  const committing = new Map<string, SaveBatch>();
  /** Per draft key and writer: the revision of that writer's own last commit */
  const committedBy = new Map<string, Map<string, number>>();
  /** The port each writer last spoke through (a reconnect after a worker restart brings a new one) */
  const portOf = new Map<string, string>();
  /** Ports that want each new revision of a draft */
  const watchers = new Map<string, Set<string>>();
  let backoffMs = 0;
  let retryTimer = false;

  const ready = persist
    ? persist
        .load()
        .catch(() => [])
        .then((batches) => {
          // Older than anything received meanwhile (a tab resends at once on reconnect): they go underneath, newest
          // first, so a field's newer value is never overwritten by the stopped worker's copy under a newer number.
          for (const batch of [...batches].reverse()) enqueueFront(batch.key, writerOf(batch, ''), batch);
        })
    : undefined;
  let loaded = !ready;
  void ready?.then(() => {
    loaded = true;
    for (const key of [...pending.keys()]) void pump(key);
  });

  function writerOf(batch: SaveBatch, portId: string): string {
    return batch.writer ?? `port:${portId}`;
  }

  function merge(into: SaveBatch | undefined, batch: SaveBatch): SaveBatch {
    if (!into) return batch;
    const bases = [into.baseRevision, batch.baseRevision].filter((b) => b !== undefined);
    const seqs = [into.seq, batch.seq].filter((s) => s !== undefined);
    return {
      ...into,
      ...batch,
      fields: { ...into.fields, ...batch.fields },
      // The base of a field is what the writer knew before its first change still pending.
      bases: into.bases || batch.bases ? { ...batch.bases, ...into.bases } : undefined,
      baseRevision: bases.length ? Math.max(...bases) : undefined,
      seq: seqs.length ? Math.max(...seqs) : undefined,
    };
  }

  function enqueue(writer: string, batch: SaveBatch) {
    const byWriter = pending.get(batch.key) ?? new Map<string, SaveBatch>();
    const merged = merge(byWriter.get(writer), batch);
    byWriter.delete(writer); // re-inserted last: writers take turns in arrival order
    byWriter.set(writer, merged);
    pending.set(batch.key, byWriter);
  }

  let storing = false;
  let clearing: Promise<void> | undefined;
  function persistPending() {
    if (!persist || storing) return;
    storing = true;
    queueMicrotask(() => {
      storing = false;
      const batches = [...committing.values(), ...[...pending.values()].flatMap((m) => [...m.values()])];
      if (batches.length) void persist.store(batches).catch(() => {});
      else clearing ??= clearLater();
    });
  }

  /**
   * Everything committed: the kept copy is emptied at most once a second, not after every keystroke's commit (a
   * storage write less per key). Until then it holds the last batch committed, whose fields are what is stored (any newer
   * change replaces the copy when it arrives): a worker stopped meanwhile commits it again, which its change number
   * makes an acknowledgement without a write.
   */
  function clearLater() {
    return new Promise<void>((resolve) =>
      setTimer(() => {
        clearing = undefined;
        const idle = committing.size === 0 && pending.size === 0;
        void (idle ? persist!.store([]).catch(() => {}) : undefined);
        resolve();
      }, CLEAR_AFTER_MS),
    );
  }

  function send(writer: string, message: AutosaveReply) {
    const portId = portOf.get(writer);
    if (portId !== undefined) reply(portId, message);
  }

  async function commit(key: string, writer: string, batch: SaveBatch): Promise<boolean> {
    const own = committedBy.get(key)?.get(writer);
    const base = batch.baseRevision === undefined ? undefined : Math.max(batch.baseRevision, own ?? 0);
    let outcome: SaveOutcome;
    try {
      outcome = await save({ ...batch, baseRevision: base });
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const ack = { writer: batch.writer, seq: batch.seq };
    if (outcome.ok) {
      backoffMs = 0;
      if (!committedBy.has(key)) committedBy.set(key, new Map());
      committedBy.get(key)!.set(writer, outcome.revision);
      send(writer, {
        type: 'saved',
        key,
        revision: outcome.revision,
        at: new Date().toISOString(),
        ...ack,
        ...(outcome.held && Object.keys(outcome.held).length ? { held: outcome.held } : {}),
      });
      if (outcome.written && Object.keys(outcome.written).length) {
        const from = portOf.get(writer);
        for (const portId of watchers.get(key) ?? [])
          if (portId !== from)
            reply(portId, {
              type: 'revision',
              key,
              revision: outcome.revision,
              writer: batch.writer,
              fields: outcome.written,
            });
      }
      return true;
    }
    if ('conflict' in outcome) {
      // The tab keeps its values and lets the user choose; the newer draft stays as it is.
      send(writer, { type: 'conflict', key, revision: outcome.conflict.revision, fields: outcome.conflict.fields });
      return true;
    }
    // Kept (merged under anything newer from the same writer) for the next attempt; the writer keeps its own copy.
    enqueueFront(key, writer, batch);
    const retryInMs = outcome.final ? undefined : nextBackoff();
    send(writer, {
      type: 'saveFailed',
      key,
      error: outcome.error,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      ...(outcome.message ? { message: outcome.message } : {}),
      ...(retryInMs !== undefined ? { retryInMs } : {}),
      ...ack,
    });
    return false;
  }

  /** A failed batch goes back in front of what the writer posted since (which is newer and wins field by field). */
  function enqueueFront(key: string, writer: string, batch: SaveBatch) {
    const byWriter = pending.get(key) ?? new Map<string, SaveBatch>();
    const newer = byWriter.get(writer);
    byWriter.set(writer, newer ? merge(batch, newer) : batch);
    pending.set(key, byWriter);
  }

  function nextBackoff(): number {
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs ? backoffMs * 2 : FIRST_BACKOFF_MS);
    if (!retryTimer) {
      retryTimer = true;
      setTimer(() => {
        retryTimer = false;
        resume();
      }, backoffMs);
    }
    return backoffMs;
  }

  function resume() {
    for (const key of [...pending.keys()]) void pump(key, true);
  }

  /** Commits what is pending for `key` unless a commit is under way (that one picks it up when done). */
  function pump(key: string, force = false): Promise<void> {
    const running = inFlight.get(key);
    if (running) return running;
    if (!loaded || (backoffMs && !force)) return Promise.resolve();
    const byWriter = pending.get(key);
    const first = byWriter?.entries().next().value;
    if (!byWriter || !first) return Promise.resolve();
    byWriter.delete(first[0]);
    if (byWriter.size === 0) pending.delete(key);
    committing.set(key, first[1]);
    const run = (async () => {
      const ok = await commit(key, first[0], first[1]);
      committing.delete(key);
      inFlight.delete(key);
      persistPending();
      // After a failure the rest waits for the back-off (or a retry); after a success the next writer's turn.
      if (ok) await pump(key);
    })();
    inFlight.set(key, run);
    return run;
  }

  function watch(portId: string, key: string) {
    if (!watchers.has(key)) watchers.set(key, new Set());
    watchers.get(key)!.add(portId);
  }

  return {
    receive(portId: string, message: AutosaveMessage): Promise<void> {
      const { type: _type, retry, ...batch } = message;
      const writer = writerOf(batch, portId);
      portOf.set(writer, portId);
      watch(portId, batch.key);
      enqueue(writer, batch);
      persistPending();
      if (retry && backoffMs) {
        resume();
        return inFlight.get(batch.key) ?? Promise.resolve();
      }
      return pump(batch.key);
    },
    /** A (re)connected tab: its writer speaks through this port now, and it hears of each new revision. */
    hello(portId: string, key: string, writer: string) {
      portOf.set(writer, portId);
      watch(portId, key);
    },
    /** A closed port hears nothing more; its writer's pending changes stay and are committed. */
    disconnect(portId: string) {
      for (const ports of watchers.values()) ports.delete(portId);
    },
    /** Everything received so far is committed (or has failed and waits for a retry). */
    async idle(): Promise<void> {
      await ready;
      while (inFlight.size) await Promise.all(inFlight.values());
      await clearing;
    },
  };
}
