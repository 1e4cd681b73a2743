import type { AutosaveMessage, AutosaveReply } from '../messages/protocol';

/**
 * The background end of autosave. Content scripts post every change at once (a tab may close 50 ms
 * after a keystroke). A change is committed at once when no commit of its draft is under way;
 * changes arriving during a commit are merged and committed right after it, so writes never race and
 * never fall behind by more than one commit.
 */

export type SaveBatch = Omit<AutosaveMessage, 'type'>;
export type SaveOutcome = { ok: true; revision: number } | { ok: false; error: string };

export interface AutosaveHubOptions {
  save(batch: SaveBatch): Promise<SaveOutcome>;
  reply(portId: string, message: AutosaveReply): void;
}

interface Pending {
  batch: SaveBatch;
  ports: Set<string>;
}

export function createAutosaveHub({ save, reply }: AutosaveHubOptions) {
  const pending = new Map<string, Pending>();
  const inFlight = new Map<string, Promise<void>>();

  function merge(into: Pending | undefined, batch: SaveBatch, ports: Iterable<string>): Pending {
    if (!into) return { batch, ports: new Set(ports) };
    into.batch = { ...into.batch, ...batch, fields: { ...into.batch.fields, ...batch.fields } };
    for (const p of ports) into.ports.add(p);
    return into;
  }

  /** Commits what is pending for `key` unless a commit is under way (that one picks it up when done). */
  function pump(key: string): Promise<void> {
    const running = inFlight.get(key);
    if (running) return running;
    const entry = pending.get(key);
    if (!entry) return Promise.resolve();
    pending.delete(key);
    const run = (async () => {
      let outcome: SaveOutcome;
      try {
        outcome = await save(entry.batch);
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      const message: AutosaveReply = outcome.ok
        ? { type: 'saved', key, revision: outcome.revision, at: new Date().toISOString() }
        : { type: 'saveFailed', key, error: outcome.error };
      for (const port of entry.ports) reply(port, message);
      inFlight.delete(key);
      if (!outcome.ok) {
        // Keep it in memory, under anything newer: the next change retries it.
        const newer = pending.get(key);
        pending.set(key, newer ? merge({ ...entry, ports: new Set(entry.ports) }, newer.batch, newer.ports) : entry);
        return;
      }
      await pump(key);
    })();
    inFlight.set(key, run);
    return run;
  }

  return {
    receive(portId: string, message: AutosaveMessage): Promise<void> {
      const { type: _type, ...batch } = message;
      pending.set(batch.key, merge(pending.get(batch.key), batch, [portId]));
      return pump(batch.key);
    },
    /** Everything received so far is committed (or has failed and waits in memory). */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.all(inFlight.values());
    },
  };
}
