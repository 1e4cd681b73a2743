import type { Checklist } from '../core/vocabulary';
import type { AutosaveHello, AutosaveMessage, AutosaveReply, UserMessage } from '../messages/protocol';

/**
 * The content script's end of autosave: every change goes out at once, numbered, and stays in this script's memory
 * (never the page's storage) until the background acknowledges it. What is not acknowledged is sent again (all the
 * fields this page load changed, not a diff) when the port reconnects, when an acknowledgement is overdue, and after a
 * failure once the user asks. Each field is sent with the value this tab last knew the draft to hold, so the
 * background merges field by field: another tab's fields this tab never touched are never overwritten, and a field
 * both changed is held back and offered to the user here, field by field.
 */

/** What the draft identity carries besides the fields (key, host, application id, title, guideline, direction). */
export type DraftIdentity = Omit<
  AutosaveMessage,
  'type' | 'fields' | 'bases' | 'writer' | 'seq' | 'retry' | 'checklist'
>;

export interface SaveChannel {
  post(message: AutosaveMessage | AutosaveHello): void;
  onMessage(fn: (message: AutosaveReply) => void): void;
  /** Called after the port was connected anew (the worker restarted): the client says hello and resends */
  onReconnect(fn: () => void): void;
}

export interface SaveClientState {
  lastSaved?: { revision: number; at: string };
  /** Why saving failed, Chinese first, and whether a retry button makes sense */
  saveProblem?: { message: UserMessage; retry: boolean };
  /** Fields another tab changed too: this page's value and theirs, the user chooses per field */
  held: Record<string, { mine: string; theirs: string }>;
  /** Fields too long for the draft, with the message to show at the field */
  fieldProblems: Record<string, UserMessage>;
  /** Something the user must know (the draft was recovered from the backup copy) */
  notice?: UserMessage;
  /** Changes not acknowledged yet */
  unsaved: number;
}

export interface SaveClientOptions {
  channel: SaveChannel;
  identity(): DraftIdentity;
  onState(state: SaveClientState): void;
  writer?: string;
  /** First acknowledgement timeout; doubled while none comes, at most 30 s */
  ackTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const MAX_ACK_TIMEOUT_MS = 30_000;

export function createSaveClient({
  channel,
  identity,
  onState,
  writer = randomWriterId(),
  ackTimeoutMs = 2000,
  setTimer = setTimeout,
  clearTimer = (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}: SaveClientOptions) {
  /** The draft's values as this tab last knew them to be stored (null: absent) */
  const known = new Map<string, string | null>();
  /** This page load's changes not yet known to be stored: value and the change number that carried it */
  const mine = new Map<string, { value: string; seq: number }>();
  /** A checklist change waiting for its acknowledgement */
  let checklist: { value: Checklist; seq: number } | undefined;
  let seq = 0;
  let timer: unknown;
  let timeout = ackTimeoutMs;
  let stopped = false;
  /**
   * Whether the draft has been read: before `start` (a change typed while the draft loads) and when it could not be
   * read there is no base to compare with, so changes merge plainly rather than be held against values never seen.
   */
  let basesKnown = false;
  /** The port was lost while nothing was pending: say hello with the next change (no need to wake the worker now) */
  let helloDue = false;
  let state: SaveClientState = { held: {}, fieldProblems: {}, unsaved: 0 };

  function set(patch: Partial<SaveClientState>) {
    state = { ...state, ...patch, unsaved: mine.size + (checklist ? 1 : 0) };
    onState(state);
  }

  function basesOf(keys: Iterable<string>): Record<string, string | null> {
    const bases: Record<string, string | null> = {};
    for (const k of keys) bases[k] = known.has(k) ? known.get(k)! : null;
    return bases;
  }

  function send(fields: Record<string, string>, retry = false) {
    if (stopped) return;
    seq++;
    for (const [k, value] of Object.entries(fields)) mine.set(k, { value, seq });
    if (checklist) checklist.seq = seq;
    const keys = Object.keys(fields).filter((k) => !(k in state.held));
    // A held field typed on: the banner shows this page's newest value; it waits for the user's choice.
    const typedOn = Object.keys(fields).filter((k) => k in state.held);
    if (typedOn.length)
      state = {
        ...state,
        held: {
          ...state.held,
          ...Object.fromEntries(typedOn.map((k) => [k, { ...state.held[k]!, mine: fields[k]! }])),
        },
      };
    if (helloDue) {
      helloDue = false;
      channel.post({ type: 'hello', key: identity().key, writer });
    }
    channel.post({
      type: 'draftChanges',
      ...identity(),
      fields: Object.fromEntries(keys.map((k) => [k, fields[k]!])),
      ...(basesKnown ? { bases: basesOf(keys) } : {}),
      ...(checklist ? { checklist: checklist.value } : {}),
      writer,
      seq,
      ...(retry ? { retry } : {}),
    });
    armTimer();
    set({});
  }

  function armTimer() {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    if (!mine.size && !checklist) return;
    timer = setTimer(() => {
      timer = undefined;
      timeout = Math.min(MAX_ACK_TIMEOUT_MS, timeout * 2);
      resendAll();
    }, timeout);
  }

  /** Everything not acknowledged, again (the whole of it: the background may have lost any part). */
  function resendAll(retry = false) {
    if (!mine.size && !checklist) return;
    send(Object.fromEntries([...mine].map(([k, v]) => [k, v.value])), retry);
  }

  channel.onMessage((reply) => {
    if (stopped || reply.key !== identity().key) return;
    switch (reply.type) {
      case 'saved': {
        if (reply.writer !== undefined && reply.writer !== writer) return;
        const upTo = reply.seq ?? seq;
        // Copied only when the answer holds a field back: an unchanged map keeps its identity, so the panel is not
        // told (and does not redraw) its banners at every keystroke's acknowledgement.
        const held = reply.held && Object.keys(reply.held).length ? { ...state.held } : state.held;
        for (const [k, theirs] of Object.entries(reply.held ?? {})) {
          const entry = mine.get(k);
          if (entry) held[k] = { mine: entry.value, theirs };
          known.set(k, theirs);
        }
        for (const [k, entry] of [...mine])
          if (entry.seq <= upTo && !(k in held)) {
            known.set(k, entry.value);
            mine.delete(k);
          }
        if (checklist && checklist.seq <= upTo) checklist = undefined;
        timeout = ackTimeoutMs;
        armTimer();
        set({ lastSaved: { revision: reply.revision, at: reply.at }, saveProblem: undefined, held });
        return;
      }
      case 'revision': {
        // Another tab's commit. This page does not show it, so what the user typed here is still based on what the
        // page showed; only a held field learns their newest value, so one choice settles it.
        const held = Object.keys(reply.fields).some((k) => k in state.held) ? { ...state.held } : state.held;
        for (const [k, value] of Object.entries(reply.fields)) {
          if (held[k]) held[k] = { ...held[k], theirs: value };
          if (mine.get(k)?.value === value && !held[k]) {
            known.set(k, value);
            mine.delete(k);
          }
        }
        set({ held });
        return;
      }
      case 'saveFailed':
        if (reply.writer !== undefined && reply.writer !== writer) return;
        // The background retries by itself after a failure; resending meanwhile would only hammer it.
        if (timer !== undefined) clearTimer(timer);
        timer = undefined;
        set({
          saveProblem: {
            message: reply.message ?? { zh: `自动保存失败（${reply.error}），内容仍保留在本页。`, en: reply.error },
            retry: reply.reason !== 'newerDatabase',
          },
        });
        return;
      case 'fieldProblems':
        set({ fieldProblems: { ...state.fieldProblems, ...reply.problems } });
        return;
      case 'notice':
        set({ notice: reply.message });
        return;
      case 'conflict':
        return; // only for saves without per-field bases (extension pages); this client always sends them
    }
  });

  channel.onReconnect(() => {
    if (stopped) return;
    if (!mine.size && !checklist) {
      helloDue = true;
      return;
    }
    channel.post({ type: 'hello', key: identity().key, writer });
    resendAll();
  });

  return {
    writer,
    getState: () => state,
    /**
     * The draft as loaded ({} when none is saved): the values this tab knows to be stored. `undefined`: it could not
     * be read, so changes merge without bases rather than be held against values this tab never saw.
     */
    start(saved: Record<string, string> | undefined) {
      basesKnown = saved !== undefined;
      for (const [k, v] of Object.entries(saved ?? {})) known.set(k, v);
      channel.post({ type: 'hello', key: identity().key, writer });
    },
    /** Fields the user changed: sent at once. */
    change(fields: Record<string, string>) {
      if (Object.keys(fields).length) send(fields);
    },
    /** The checklist as a whole (a tick, a note), with the draft identity (a direction learnt) */
    saveChecklist(next: Checklist | undefined) {
      if (next) checklist = { value: next, seq: seq + 1 };
      send({});
    },
    /** 重试: the user asks for another attempt now. */
    retry() {
      if (mine.size || checklist) resendAll(true);
      else send({}, true);
    },
    /**
     * The user's choice for fields both tabs changed: 'mine' saves this page's value over theirs, 'theirs' drops
     * this page's change (the caller fills their value into the form).
     */
    resolve(choices: Record<string, 'mine' | 'theirs'>) {
      const held = { ...state.held };
      const keep: Record<string, string> = {};
      for (const [k, choice] of Object.entries(choices)) {
        const entry = held[k];
        if (!entry) continue;
        delete held[k];
        known.set(k, entry.theirs); // decided against their newest value: that is the base now
        if (choice === 'mine') keep[k] = mine.get(k)?.value ?? entry.mine;
        else mine.delete(k);
      }
      state = { ...state, held };
      if (Object.keys(keep).length) send(keep);
      else set({});
    },
    dismissNotice: () => set({ notice: undefined }),
    /** Something the user must know about this page's saving (shown like the background's notices) */
    notify: (message: UserMessage) => set({ notice: message }),
    /** Values not acknowledged yet (kept for handing over to a new content script after an update). */
    unsaved: (): Record<string, string> => Object.fromEntries([...mine].map(([k, v]) => [k, v.value])),
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimer(timer);
    },
  };
}

export type SaveClient = ReturnType<typeof createSaveClient>;

function randomWriterId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
