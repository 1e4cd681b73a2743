import type { AutosaveMessage, AutosaveReply } from '../messages/protocol';

/**
 * The background end of autosave. Content scripts post every change at once (a tab may close 50 ms
 * after a keystroke); the hub merges changes per draft and commits them within `delayMs`, at once when
 * the posting tab goes away, and one commit at a time per draft so writes never race.
 */

export type SaveBatch = Omit<AutosaveMessage, 'type'>;
export type SaveOutcome = { ok: true; revision: number } | { ok: false; error: string };

export interface AutosaveHubOptions {
  save(batch: SaveBatch): Promise<SaveOutcome>;
  reply(portId: string, message: AutosaveReply): void;
  delayMs?: number;
}

export function createAutosaveHub({ save, reply, delayMs = 250 }: AutosaveHubOptions) {
  const pending = new Map<string, { batch: SaveBatch; ports: Set<string> }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const chains = new Map<string, Promise<void>>();

  function commit(key: string): Promise<void> {
    clearTimeout(timers.get(key));
    timers.delete(key);
    const entry = pending.get(key);
    if (!entry) return chains.get(key) ?? Promise.resolve();
    pending.delete(key);
    const run = async () => {
      let outcome: SaveOutcome;
      try {
        outcome = await save(entry.batch);
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      if (!outcome.ok) requeue(entry.batch, entry.ports); // keep it in memory: the next change retries
      const message: AutosaveReply = outcome.ok
        ? { type: 'saved', key, revision: outcome.revision, at: new Date().toISOString() }
        : { type: 'saveFailed', key, error: outcome.error };
      for (const port of entry.ports) reply(port, message);
    };
    const next = (chains.get(key) ?? Promise.resolve()).then(run);
    chains.set(key, next);
    return next;
  }

  function requeue(batch: SaveBatch, ports: Set<string>) {
    const current = pending.get(batch.key);
    if (!current) pending.set(batch.key, { batch, ports });
    else current.batch = { ...current.batch, fields: { ...batch.fields, ...current.batch.fields } };
  }

  return {
    receive(portId: string, message: AutosaveMessage) {
      const { type: _type, ...batch } = message;
      const current = pending.get(batch.key);
      if (current) {
        current.batch = { ...current.batch, ...batch, fields: { ...current.batch.fields, ...batch.fields } };
        current.ports.add(portId);
      } else pending.set(batch.key, { batch, ports: new Set([portId]) });
      if (!timers.has(batch.key)) timers.set(batch.key, setTimeout(() => void commit(batch.key), delayMs));
    },
    /** The tab closed or navigated: commit what it posted now. */
    disconnect(portId: string): Promise<void[]> {
      const keys = [...pending.entries()].filter(([, e]) => e.ports.has(portId)).map(([k]) => k);
      return Promise.all(keys.map(commit));
    },
    flushAll: (): Promise<void[]> => Promise.all([...pending.keys()].map(commit)),
  };
}
