import type { Draft } from '../drafts/model';
import type { Call } from '../messages/contract';
import type { AutosaveMessage, AutosaveReply } from '../messages/protocol';
import type { StatePatch } from './state';
import type { Checklist } from '../core/vocabulary';

/**
 * The autosave client: owns the channel to the background, what was last posted and the draft revision this tab
 * last saw (autosave's compare-and-set token). Only what changed is posted, at once; the background batches writes.
 */

/** The autosave channel (a runtime Port in the extension). */
export interface DraftChannel {
  post(message: AutosaveMessage): void;
  onMessage(fn: (message: AutosaveReply) => void): void;
}

/** What the background returns for a draft (lib/drafts/model.ts Draft, as far as the overlay reads it). */
export type SavedDraft = Pick<Draft, 'revision' | 'updatedAt' | 'fields' | 'checklist' | 'guideline' | 'direction'>;

/** Which draft the page is, and what the panel knows of it (title, guideline and direction), for every post. */
export interface DraftIdentity {
  key: string;
  host: string;
  applicationId: string;
  title?: string;
  guideline?: string;
  direction?: string;
}

export interface DraftSyncOptions {
  channel: DraftChannel;
  call: Call;
  identity: () => DraftIdentity;
  /** The page's field contents as the draft keeps them */
  read: () => Record<string, string>;
  onState: StatePatch;
}

/**
 * Saved values the page lacks and may be offered for restore: neither empty, nor what the page showed on arrival,
 * nor fields the user typed while the draft loaded (the user's newest word is never offered for overwriting).
 */
export function restorableFields(
  saved: Record<string, string>,
  arrival: Record<string, string>,
  now: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(saved).filter(([k, v]) => v !== '' && arrival[k] !== v && now[k] === arrival[k]),
  );
}

export function createDraftSync({ channel, call, identity, read, onState }: DraftSyncOptions) {
  let lastPosted: Record<string, string> = {};
  let baseRevision: number | undefined;
  let conflict: { revision: number; fields: Record<string, string> } | undefined;

  const message = (fields: Record<string, string>, extra: Partial<AutosaveMessage> = {}): AutosaveMessage => ({
    type: 'draftChanges',
    ...identity(),
    fields,
    ...extra,
  });

  return {
    /** Hears the background's answers: saved (a newer base revision), a conflict (autosave pauses), a failure. */
    listen() {
      channel.onMessage((reply) => {
        if (reply.key !== identity().key) return;
        if (reply.type === 'saved') {
          baseRevision = Math.max(baseRevision ?? 0, reply.revision);
          onState({ lastSaved: { revision: reply.revision, at: reply.at }, saveError: undefined });
        } else if (reply.type === 'conflict') {
          // What was refused is posted again once the user has chosen.
          lastPosted = reply.fields;
          conflict = { revision: reply.revision, fields: reply.fields };
          onState({ conflict });
        } else onState({ saveError: reply.error });
      });
    },
    /** What the page shows now becomes the baseline: only later changes are posted. */
    baseline(): Record<string, string> {
      lastPosted = read();
      return lastPosted;
    },
    /** The saved draft, if any; this tab's base revision becomes its revision (0: no draft seen yet). */
    async load(): Promise<SavedDraft | undefined> {
      const saved = (await call('getDraft', { key: identity().key }).catch(() => null)) ?? undefined;
      baseRevision = saved?.revision ?? 0; // 0: another tab's first save is news to this one
      return saved;
    },
    /** Posts the fields that changed since the last post: nothing typed waits for a timer in the page. */
    postChanges() {
      // After a conflict the user chooses first. Before the draft is known, what the user typed is still posted
      // (only changed fields: nothing the page merely shows), without a base revision.
      if (conflict) return;
      const now = read();
      const changed: Record<string, string> = {};
      for (const [k, v] of Object.entries(now)) if (lastPosted[k] !== v) changed[k] = v;
      if (Object.keys(changed).length === 0) return;
      lastPosted = now;
      channel.post(message(changed, { baseRevision }));
    },
    /** A page without a draft: what it showed on arrival and still shows (the portal's own values) starts one. */
    startDraft(arrival: Record<string, string>) {
      const now = read();
      const shown = Object.fromEntries(Object.entries(arrival).filter(([k, v]) => v !== '' && now[k] === v));
      if (Object.keys(shown).length) channel.post(message(shown, { baseRevision }));
    },
    postChecklist(checklist: Checklist) {
      channel.post(message({}, { checklist, baseRevision }));
    },
    /** The draft learns the title, guideline and direction the panel knows now. */
    postIdentity({ withBase }: { withBase: boolean }) {
      channel.post(message({}, withBase ? { baseRevision } : {}));
    },
    /** After a conflict: keep this page's values (posted over the other tab's) or the other tab's (already filled in). */
    resolveConflict(choice: 'mine' | 'theirs') {
      if (!conflict) return;
      baseRevision = conflict.revision;
      if (choice === 'theirs') lastPosted = read();
      else lastPosted = conflict.fields;
      conflict = undefined;
      onState({ conflict: undefined });
    },
  };
}

export type DraftSync = ReturnType<typeof createDraftSync>;
