import type { Finding } from '../engine/finding';
import type { PanelMode } from '../messages/protocol';
import type { RulePack } from '../packs/schema';
import type { OverlayController, OverlayState } from './controller';
import type { PanelState } from './state';

/**
 * The private line between the content script (which reads and fills the page) and the panel, an extension page in
 * a frame the portal cannot read. It runs over a MessagePort handed to the frame with a nonce only the frame's own
 * address carries, so the page can neither listen nor speak on it. Rule packs (the direction's and its layers) cross
 * once; each state after that names them by key, which keeps a panel update small. The application the rules read
 * never crosses with the state (on a 2,000-control form it is most of each post): the panel asks for it
 * (`application`) when it builds the self-check report.
 */

/** What the panel may ask the page side to do: the controller's actions and the page-only helpers, nothing else. */
export const PANEL_COMMANDS = [
  'chooseDirection',
  'confirm',
  'setDocumentReady',
  'acknowledge',
  'restore',
  'dismissRestore',
  'resolveConflict',
  'fillFields',
  'setMappingActive',
  'assignPicked',
  'setChecklist',
  'setLang',
  'setDock',
  'setCollapsed',
  'focusField',
  'fieldValues',
  'application',
  'retrySave',
  'dismissNotice',
] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];
/** The page side's implementation of each command. */
export type PanelActions = Pick<OverlayController, Exclude<PanelCommand, 'focusField'>> & {
  focusField(paths: string[]): void;
};

/**
 * What the page side tells the panel besides its state: a marker the user clicked (show that finding), a click on
 * the portal's own 提交/保存 with errors left (remind).
 */
export type PanelEvent = { name: 'show'; ruleId: string } | { name: 'reminder' };

/**
 * The state as it crosses: only the parts that changed since the last post (all of it the first time), the matched
 * pack and the layers by their keys, the direction by its code, never the application.
 */
export type WireState = Partial<Omit<PanelState, 'direction' | 'layers'>> & {
  direction?: { packKey: string; code: string };
  layerKeys?: string[];
  /** Instead of `findings`, when few changed (a keystroke flips a rule or two): the list's length and the changed ones */
  findingsAt?: { length: number; changed: [number, Finding][] };
};

export type ToPanel =
  | { kind: 'init'; mode: PanelMode; mappable: { path: string; title: string }[]; applicationId: string }
  | { kind: 'pack'; key: string; pack: RulePack }
  | { kind: 'state'; state: WireState }
  | { kind: 'result'; id: number; value?: unknown; error?: string }
  | { kind: 'event'; event: PanelEvent };
export type ToPage = { kind: 'call'; id: number; command: PanelCommand; args: unknown[] };

/**
 * The save indicator's parts. Each keystroke turns it to 保存中 and its save's answer, some milliseconds later, back to
 * 已保存: told alone, that is two posts and two panel renders per key on the cores the keystroke's own update needs.
 * 保存中 after 已保存 goes at once (已保存 never stands for a key not yet saved); the rest waits up to QUIET_MS, and
 * goes at once with anything else the panel shows. While the user types on, the panel shows 保存中 until a pause.
 */
const QUIET_KEYS = new Set<keyof OverlayState>(['unsaved', 'lastSaved']);
const QUIET_MS = 250;

/** The handshake message and its nonce (also the frame address's hash). */
export const PANEL_HELLO = 'guidecheck:panel';
/** The panel's first word on a new line: the frame holds our page and it runs (lib/overlay/panelFrame.ts waits for it). */
export const PANEL_READY = 'guidecheck:ready';

const packKey = (pack: RulePack) => `${pack.id}@${pack.version}`;

export interface PanelSource {
  getState(): OverlayState;
  subscribe(listener: () => void): () => void;
  mappable: { path: string; title: string }[];
  applicationId: string;
  actions: PanelActions;
}

/** The page side's end of the line: tell the panel something, or close the line. */
export interface PanelServer {
  notify(event: PanelEvent): void;
  stop(): void;
}

/** Page side: sends every state change to the panel and runs the commands it sends back. */
export function servePanel(port: MessagePort, source: PanelSource, mode: PanelMode): PanelServer {
  const sentPacks = new Set<string>();
  const post = (message: ToPanel) => port.postMessage(message);
  /** The pack's key, the pack itself sent first if the panel does not hold it yet. */
  const sendOnce = (pack: RulePack) => {
    const key = packKey(pack);
    if (!sentPacks.has(key)) {
      sentPacks.add(key);
      post({ kind: 'pack', key, pack });
    }
    return key;
  };
  /** The state last posted: the controller replaces only what changed, so an unchanged part keeps its identity. */
  let last: Partial<OverlayState> = {};
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  const push = (quietDue = false) => {
    const next = source.getState();
    if (next === last) return;
    const state: WireState = {};
    let any = false;
    let loud = false;
    for (const key of new Set([...Object.keys(last), ...Object.keys(next)]) as Set<keyof OverlayState>) {
      if ((key in last && next[key] === last[key]) || key === 'application') continue;
      const findingsAt =
        key === 'findings' && last.findings ? changedFindings(last.findings, next.findings) : undefined;
      if (findingsAt?.length === 0 && next.findings.length === last.findings!.length) continue;
      any = true;
      loud ||= !QUIET_KEYS.has(key) || (key === 'unsaved' && !last.unsaved && !!next.unsaved);
      if (key === 'direction')
        state.direction = next.direction && {
          packKey: sendOnce(next.direction.pack),
          code: next.direction.direction.code,
        };
      else if (key === 'layers') state.layerKeys = next.layers.map(sendOnce);
      else if (findingsAt) state.findingsAt = { length: next.findings.length, changed: findingsAt };
      else Object.assign(state, { [key]: next[key] });
    }
    if (any && !loud && !quietDue && 'phase' in last) {
      // Only the save indicator changed: it goes with the next post, or alone once typing pauses.
      quietTimer ??= setTimeout(() => push(true), QUIET_MS);
      return;
    }
    clearTimeout(quietTimer);
    quietTimer = undefined;
    last = next;
    // Nothing the panel shows changed (only the application did): no post, no render in the panel.
    if (any) post({ kind: 'state', state });
  };
  port.onmessage = async (event: MessageEvent<ToPage>) => {
    const { id, command, args } = event.data ?? {};
    if (!PANEL_COMMANDS.includes(command)) return;
    try {
      const run = source.actions[command] as (...a: unknown[]) => unknown;
      post({ kind: 'result', id, value: await run(...(Array.isArray(args) ? args : [])) });
    } catch (error) {
      post({ kind: 'result', id, error: error instanceof Error ? error.message : String(error) });
    }
  };
  post({ kind: 'init', mode, mappable: source.mappable, applicationId: source.applicationId });
  push();
  const unsubscribe = source.subscribe(() => push());
  return {
    notify: (event) => post({ kind: 'event', event }),
    stop() {
      clearTimeout(quietTimer);
      unsubscribe();
      port.close();
    },
  };
}

/** The panel's view of the page side: the mirrored state, and each command as an async call. */
export interface RemoteOverlay {
  mode: PanelMode;
  mappable: { path: string; title: string }[];
  applicationId: string;
  getState(): PanelState;
  subscribe(listener: () => void): () => void;
  /** Events from the page side (a marker clicked, a submit with errors left) */
  onEvent(listener: (event: PanelEvent) => void): () => void;
  run<C extends PanelCommand>(
    command: C,
    ...args: Parameters<PanelActions[C]>
  ): Promise<Awaited<ReturnType<PanelActions[C]>>>;
}

/** Panel side: resolves once the page side has sent its first state. */
export function connectPanel(port: MessagePort): Promise<RemoteOverlay> {
  const packs = new Map<string, RulePack>();
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: PanelEvent) => void>();
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 0;
  let init: Extract<ToPanel, { kind: 'init' }> | undefined;
  let state: PanelState | undefined;
  return new Promise((resolve) => {
    const remote = (): RemoteOverlay => ({
      mode: init!.mode,
      mappable: init!.mappable,
      applicationId: init!.applicationId,
      getState: () => state!,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onEvent(listener) {
        eventListeners.add(listener);
        return () => eventListeners.delete(listener);
      },
      run(command, ...args) {
        const id = nextId++;
        port.postMessage({ kind: 'call', id, command, args } satisfies ToPage);
        // The page side answers with what PanelActions[command] returned.
        return new Promise((res, rej) => pending.set(id, { resolve: res as (v: unknown) => void, reject: rej }));
      },
    });
    port.onmessage = (event: MessageEvent<ToPanel>) => {
      const m = event.data;
      if (m.kind === 'init') init = m;
      else if (m.kind === 'pack') packs.set(m.key, m.pack);
      else if (m.kind === 'event') for (const l of eventListeners) l(m.event);
      else if (m.kind === 'result') {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error !== undefined) p?.reject(new Error(m.error));
        else p?.resolve(m.value);
      } else {
        const { direction, layerKeys, findingsAt, ...rest } = m.state;
        const first = state === undefined;
        const next = { ...state, ...rest } as PanelState;
        if (findingsAt) {
          next.findings = next.findings.slice(0, findingsAt.length);
          for (const [i, finding] of findingsAt.changed) next.findings[i] = finding;
        }
        if ('direction' in m.state) {
          const pack = direction && packs.get(direction.packKey);
          const matched = pack?.directions.find((d) => d.code === direction?.code);
          next.direction = pack && matched ? { pack, direction: matched } : undefined;
        }
        if (layerKeys) next.layers = layerKeys.flatMap((key) => packs.get(key) ?? []);
        state = next;
        if (first && init) resolve(remote());
        for (const l of listeners) l();
      }
    };
  });
}

/**
 * The findings of `next` that are not (by identity: the evaluator keeps an unchanged verdict's object) at the same
 * index of `last`, when that is fewer than half of them; else undefined (the whole list crosses).
 */
function changedFindings(last: Finding[], next: Finding[]): [number, Finding][] | undefined {
  const changed: [number, Finding][] = [];
  for (let i = 0; i < next.length; i++) {
    if (next[i] === last[i]) continue;
    changed.push([i, next[i]!]);
    if (changed.length * 2 > next.length) return undefined;
  }
  return changed;
}

/** A nonce for one panel frame: in its address's hash, which the portal page cannot read. */
export function panelNonce(crypto: Crypto): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Page side: hands the loaded panel frame one end of a new line, addressed to the extension's origin only (if the
 * page navigated the frame elsewhere, the browser drops the message). Returns our end.
 */
export function offerPanelPort(frame: Window, extensionOrigin: string, nonce: string): MessagePort {
  const { port1, port2 } = new MessageChannel();
  frame.postMessage({ type: PANEL_HELLO, nonce }, extensionOrigin, [port2]);
  return port1;
}

/** Panel side: the line from the page side, taken from the first hello that carries this frame's nonce. */
export function awaitPanelPort(win: Window, nonce: string): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onHello = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; nonce?: unknown } | null;
      const port = event.ports[0];
      // Anyone may post to this frame (the page can reach its window); only the nonce's holder is heard.
      if (!nonce || data?.type !== PANEL_HELLO || data.nonce !== nonce || !port) return;
      win.removeEventListener('message', onHello);
      port.postMessage(PANEL_READY);
      resolve(port);
    };
    win.addEventListener('message', onHello);
  });
}
