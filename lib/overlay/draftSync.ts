import type { UserMessage } from '../messages/protocol';
import { createSaveClient, type SaveChannel, type SaveClientState } from '../autosave/client';
import type { Draft } from '../drafts/model';
import type { Call } from '../messages/contract';
import type { Checklist } from '../core/vocabulary';
import type { StatePatch } from './state';
import { isBookkeepingField } from '../core/vocabulary';

/**
 * The page side of autosave: owns the channel to the background (through lib/autosave/client.ts: numbered changes
 * kept until acknowledged, resent after a worker restart) and what was last read from the page, so only what the
 * user changed is posted, at once.
 */

/** The autosave channel (a runtime Port in the extension, see lib/autosave/portChannel.ts). */
export type DraftChannel = SaveChannel;

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
 * nor fields the user typed while the draft loaded (the user's newest word is never offered for overwriting). A field
 * not on the page is as good as empty: a frame that loaded (empty) while the draft was read is no typing.
 */
export function restorableFields(
  saved: Record<string, string>,
  arrival: Record<string, string>,
  now: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(saved).filter(
      ([k, v]) => !k.startsWith('~') && v !== '' && arrival[k] !== v && (now[k] ?? '') === (arrival[k] ?? ''),
    ),
  );
}

export function createDraftSync({ channel, call, identity, read, onState }: DraftSyncOptions) {
  let lastPosted: Record<string, string> = {};
  /** The draft as this tab knows it: what was loaded plus everything posted since (every section page's values) */
  let known: Record<string, string> = {};
  const client = createSaveClient({
    channel,
    identity,
    onState: (s: SaveClientState) =>
      onState({
        lastSaved: s.lastSaved,
        held: s.held,
        saveProblem: s.saveProblem,
        notice: s.notice,
        fieldProblems: s.fieldProblems,
        unsaved: s.unsaved,
      }),
  });
  /** How many keys `known` has: counted as they come, so a keystroke need not count 2,000 keys */
  let knownKeys = 0;
  const setKnown = (next: Record<string, string>) => {
    known = next;
    knownKeys = Object.keys(known).length;
  };
  /**
   * Whether there is a draft to save into: one was loaded, or this tab started it. Until then only something worth
   * keeping (a value other than empty in a field of the form, or a hand-over) starts one: a visit that typed nothing
   * leaves no draft. What was read meanwhile (bookkeeping, empty fields) waits in `waiting` and goes with that change.
   */
  let started = false;
  let waiting: Record<string, string> = {};
  // Updated in place: a keystroke on a 2,000-control form copies neither (known() is never kept by its readers).
  const change = (fields: Record<string, string>, keep = false) => {
    for (const k in fields) if (!(k in known)) knownKeys++;
    Object.assign(known, fields);
    if (!started && !keep && !Object.entries(fields).some(([k, v]) => v !== '' && !isBookkeepingField(k))) {
      Object.assign(waiting, fields);
      return;
    }
    started = true;
    const all = Object.assign(waiting, fields);
    waiting = {};
    client.change(all);
  };

  return {
    /** Kept for the controller's start order; the save client hears the background's answers itself. */
    listen() {},
    /** What the page shows now becomes the baseline: only later changes are posted. */
    baseline(): Record<string, string> {
      lastPosted = read();
      return { ...lastPosted };
    },
    /** The saved draft, if any: its values are what this tab knows to be stored (the base of each change). */
    async load(): Promise<SavedDraft | undefined> {
      const loaded = await call('getDraft', { key: identity().key }).then(
        (draft) => ({ ok: true as const, saved: draft ?? undefined }),
        () => ({ ok: false as const, saved: undefined }),
      );
      // A draft that could not be read sends no bases: nothing is held against values this tab never saw.
      client.start(loaded.ok ? (loaded.saved?.fields ?? {}) : undefined);
      const saved = loaded.saved;
      setKnown({ ...saved?.fields, ...known });
      if (saved) change({}, true);
      return saved;
    },
    /** Posts the fields that changed since the last post: nothing typed waits for a timer in the page. */
    postChanges() {
      const now = read();
      const changed: Record<string, string> = {};
      for (const [k, v] of Object.entries(now)) if (lastPosted[k] !== v) changed[k] = v;
      if (Object.keys(changed).length === 0) return;
      lastPosted = now;
      change(changed);
    },
    /**
     * One keystroke's values (the changed control's key and value): compared with what was last posted and saved at
     * once, without reading the rest of the form.
     */
    postValues(values: Record<string, string>) {
      const changed: Record<string, string> = {};
      for (const [k, v] of Object.entries(values)) if (lastPosted[k] !== v) changed[k] = v;
      if (Object.keys(changed).length === 0) return;
      Object.assign(lastPosted, changed);
      change(changed);
    },
    /**
     * A section page (or frame) arrived: its controls' values are its arrival, never posted as changes (an empty
     * section after a timeout never empties the draft); those the draft does not know yet start it. `now`: the
     * arrived controls' values (the whole page when not given).
     */
    arrived(now: Record<string, string> = read()) {
      const fresh: Record<string, string> = {};
      for (const [k, v] of Object.entries(now)) {
        if (k in lastPosted) continue;
        lastPosted[k] = v;
        if (v !== '' && known[k] === undefined) fresh[k] = v;
      }
      // Held fields do not stop the others: the save client saves them meanwhile.
      if (Object.keys(fresh).length) change(fresh);
    },
    /** A page without a draft: what it showed on arrival and still shows (the portal's own values) starts one. */
    startDraft(arrival: Record<string, string>) {
      const now = read();
      change(Object.fromEntries(Object.entries(arrival).filter(([k, v]) => v !== '' && now[k] === v)));
    },
    /** The page's current values of `keys` (handed over by an old content script), saved like typed ones. */
    postKeys(keys: string[]) {
      const now = read();
      change(Object.fromEntries(keys.filter((k) => k in now).map((k) => [k, now[k]!])), true);
    },
    /** A checklist change (the user's tick or note) is worth keeping: it starts the draft if need be. */
    postChecklist(checklist: Checklist) {
      client.saveChecklist(checklist);
      change({}, true);
    },
    /** The draft learns the title, guideline and direction the panel knows now (a direction the user chose). */
    postIdentity(_options?: { withBase: boolean }) {
      client.saveChecklist(undefined);
      change({}, true);
    },
    /** The draft's values as this tab knows them */
    known: () => known,
    /** How many keys `known()` has (it only ever gains keys) */
    knownKeys: () => knownKeys,
    /**
     * Fields both this tab and another changed: 'mine' saves this page's value over theirs, 'theirs' keeps theirs
     * (the caller has filled it into the page). All held fields when `keys` is not given.
     */
    resolveConflict(choice: 'mine' | 'theirs', keys?: string[]) {
      const held = client.getState().held;
      const chosen = keys ?? Object.keys(held);
      client.resolve(Object.fromEntries(chosen.map((k) => [k, choice])));
      if (choice === 'theirs') {
        setKnown({ ...known, ...Object.fromEntries(chosen.filter((k) => held[k]).map((k) => [k, held[k]!.theirs])) });
        lastPosted = read();
      }
    },
    /** The values another tab holds for fields this tab changed too. */
    heldTheirs(keys?: string[]): Record<string, string> {
      const held = client.getState().held;
      return Object.fromEntries(
        Object.entries(held)
          .filter(([k]) => !keys || keys.includes(k))
          .map(([k, v]) => [k, v.theirs]),
      );
    },
    retry: () => client.retry(),
    dismissNotice: () => client.dismissNotice(),
    notify: (message: UserMessage) => client.notify(message),
    /** Field keys changed and not saved yet (handed to a new content script after an update). */
    unsavedKeys: () => Object.keys(client.unsaved()),
    stop: () => client.stop(),
  };
}

export type DraftSync = ReturnType<typeof createDraftSync>;
