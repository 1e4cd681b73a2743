import type { Direction, RulePack } from '../packs/schema';
import type { OverlayController, OverlayState } from './controller';

/**
 * The private line between the content script (which reads and fills the page) and the panel, an extension page in
 * a frame the portal cannot read. It runs over a MessagePort handed to the frame with a nonce only the frame's own
 * address carries, so the page can neither listen nor speak on it. Rule packs cross once; each state after that
 * names its pack by key, which keeps a panel update small.
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
] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];
/** The page side's implementation of each command. */
export type PanelActions = Pick<OverlayController, Exclude<PanelCommand, 'focusField'>> & {
  focusField(paths: string[]): void;
};

/** How the panel is shown: in the extension frame, or (the frame refused) nowhere but the popup. */
export type PanelMode = 'frame';

/** The state as it crosses: the matched pack by its key. */
export type WireState = Omit<OverlayState, 'direction'> & {
  direction?: { packKey: string; direction: Direction };
};

export type ToPanel =
  | { kind: 'init'; mode: PanelMode; mappable: { path: string; title: string }[] }
  | { kind: 'pack'; key: string; pack: RulePack }
  | { kind: 'state'; state: WireState }
  | { kind: 'result'; id: number; value?: unknown; error?: string };
export type ToPage = { kind: 'call'; id: number; command: PanelCommand; args: unknown[] };

/** The handshake message and its nonce (also the frame address's hash). */
export const PANEL_HELLO = 'guidecheck:panel';

const packKey = (pack: RulePack) => `${pack.id}@${pack.version}`;

export interface PanelSource {
  getState(): OverlayState;
  subscribe(listener: () => void): () => void;
  mappable: { path: string; title: string }[];
  actions: PanelActions;
}

/** Page side: sends every state change to the panel and runs the commands it sends back. */
export function servePanel(port: MessagePort, source: PanelSource, mode: PanelMode): () => void {
  const sentPacks = new Set<string>();
  const post = (message: ToPanel) => port.postMessage(message);
  const push = () => {
    const { direction, ...rest } = source.getState();
    if (direction && !sentPacks.has(packKey(direction.pack))) {
      sentPacks.add(packKey(direction.pack));
      post({ kind: 'pack', key: packKey(direction.pack), pack: direction.pack });
    }
    post({
      kind: 'state',
      state: { ...rest, direction: direction && { packKey: packKey(direction.pack), direction: direction.direction } },
    });
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
  post({ kind: 'init', mode, mappable: source.mappable });
  push();
  const unsubscribe = source.subscribe(push);
  return () => {
    unsubscribe();
    port.close();
  };
}

/** The panel's view of the page side: the mirrored state, and each command as an async call. */
export interface RemoteOverlay {
  mode: PanelMode;
  mappable: { path: string; title: string }[];
  getState(): OverlayState;
  subscribe(listener: () => void): () => void;
  run<C extends PanelCommand>(
    command: C,
    ...args: Parameters<PanelActions[C]>
  ): Promise<Awaited<ReturnType<PanelActions[C]>>>;
}

/** Panel side: resolves once the page side has sent its first state. */
export function connectPanel(port: MessagePort): Promise<RemoteOverlay> {
  const packs = new Map<string, RulePack>();
  const listeners = new Set<() => void>();
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 0;
  let init: Extract<ToPanel, { kind: 'init' }> | undefined;
  let state: OverlayState | undefined;
  return new Promise((resolve) => {
    const remote = (): RemoteOverlay => ({
      mode: init!.mode,
      mappable: init!.mappable,
      getState: () => state!,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
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
      else if (m.kind === 'result') {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error !== undefined) p?.reject(new Error(m.error));
        else p?.resolve(m.value);
      } else {
        const { direction, ...rest } = m.state;
        const pack = direction && packs.get(direction.packKey);
        const first = state === undefined;
        state = { ...rest, direction: pack && direction ? { pack, direction: direction.direction } : undefined };
        if (first && init) resolve(remote());
        for (const l of listeners) l();
      }
    };
  });
}
