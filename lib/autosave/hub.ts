import type { AutosaveMessage, AutosaveReply } from '../messages/protocol';

/**
 * The background end of autosave. Content scripts post every change at once (a tab may close 50 ms
 * after a keystroke). A change is committed at once when no commit of its draft is under way; changes
 * arriving during a commit are merged and committed right after it, one commit at a time per draft.
 *
 * Two tabs on one draft: every commit is a compare-and-set on the revision the tab last saw. A tab's own
 * earlier commits count as seen (its posts run ahead of the replies), another tab's do not: such a stale
 * write is refused, the tab is told and shown the newer draft, and nothing is overwritten.
 */

export type SaveBatch = Omit<AutosaveMessage, 'type'>;
export type SaveOutcome =
  | { ok: true; revision: number }
  | { ok: false; conflict: { revision: number; fields: Record<string, string> } }
  | { ok: false; error: string };

export interface AutosaveHubOptions {
  save(batch: SaveBatch): Promise<SaveOutcome>;
  reply(portId: string, message: AutosaveReply): void;
}

interface Pending {
  portId: string;
  batch: SaveBatch;
}

export function createAutosaveHub({ save, reply }: AutosaveHubOptions) {
  /** Per draft key, what each tab posted since its last commit, in arrival order */
  const pending = new Map<string, Map<string, SaveBatch>>();
  /** Per draft key and tab: a batch whose commit failed, kept in memory until that tab's next change */
  const failed = new Map<string, Map<string, SaveBatch>>();
  const inFlight = new Map<string, Promise<void>>();
  /** Per draft key and tab: the revision of that tab's own last commit */
  const committedBy = new Map<string, Map<string, number>>();

  function merge(into: SaveBatch | undefined, batch: SaveBatch | undefined): SaveBatch {
    if (!into || !batch) return (into ?? batch)!;
    const bases = [into.baseRevision, batch.baseRevision].filter((b) => b !== undefined);
    return {
      ...into,
      ...batch,
      fields: { ...into.fields, ...batch.fields },
      baseRevision: bases.length ? Math.max(...bases) : undefined,
    };
  }

  function take(key: string): Pending | undefined {
    const byPort = pending.get(key);
    const first = byPort?.entries().next().value;
    if (!byPort || !first) return undefined;
    byPort.delete(first[0]);
    if (byPort.size === 0) pending.delete(key);
    return { portId: first[0], batch: first[1] };
  }

  async function commit({ portId, batch }: Pending): Promise<void> {
    const own = committedBy.get(batch.key)?.get(portId);
    const base = batch.baseRevision === undefined ? undefined : Math.max(batch.baseRevision, own ?? 0);
    let outcome: SaveOutcome;
    try {
      outcome = await save({ ...batch, baseRevision: base });
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.ok) {
      if (!committedBy.has(batch.key)) committedBy.set(batch.key, new Map());
      committedBy.get(batch.key)!.set(portId, outcome.revision);
      reply(portId, { type: 'saved', key: batch.key, revision: outcome.revision, at: new Date().toISOString() });
    } else if ('conflict' in outcome) {
      // The tab keeps its values and lets the user choose; the newer draft stays as it is.
      reply(portId, {
        type: 'conflict',
        key: batch.key,
        revision: outcome.conflict.revision,
        fields: outcome.conflict.fields,
      });
    } else {
      // Keep it in memory: the tab's next change retries it, under the newer values.
      if (!failed.has(batch.key)) failed.set(batch.key, new Map());
      failed.get(batch.key)!.set(portId, merge(failed.get(batch.key)!.get(portId), batch));
      reply(portId, { type: 'saveFailed', key: batch.key, error: outcome.error });
    }
  }

  /** Commits what is pending for `key` unless a commit is under way (that one picks it up when done). */
  function pump(key: string): Promise<void> {
    const running = inFlight.get(key);
    if (running) return running;
    const next = take(key);
    if (!next) return Promise.resolve();
    const run = (async () => {
      await commit(next);
      inFlight.delete(key);
      await pump(key);
    })();
    inFlight.set(key, run);
    return run;
  }

  return {
    receive(portId: string, message: AutosaveMessage): Promise<void> {
      const { type: _type, ...batch } = message;
      const byPort = pending.get(batch.key) ?? new Map<string, SaveBatch>();
      const retry = failed.get(batch.key)?.get(portId);
      failed.get(batch.key)?.delete(portId);
      byPort.set(portId, merge(merge(retry, byPort.get(portId)), batch));
      pending.set(batch.key, byPort);
      return pump(batch.key);
    },
    /** Everything received so far is committed (or has failed and waits in memory). */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.all(inFlight.values());
    },
  };
}
