import type { AutosaveHello, AutosaveMessage, AutosaveReply } from '../messages/protocol';
import type { SaveChannel } from './client';

/** The part of a runtime Port the channel uses. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

/** The extension was reloaded or updated under this page: its API is gone for this content script for good. */
export function isContextInvalidated(error: unknown): boolean {
  return /Extension context invalidated/i.test(String(error));
}

/**
 * The autosave channel over a runtime Port. Chrome stops the service worker 30 s after its last event even with the
 * port open: the port is connected again at once, and the save client resends what is not acknowledged. When the
 * extension itself is gone (updated or reloaded), `onDead` is told once and posts are kept by the client, not lost.
 */
export function portChannel(connect: () => PortLike, onDead: () => void): SaveChannel & { dead(): boolean } {
  let port: PortLike | undefined;
  let dead = false;
  const handlers: ((m: AutosaveReply) => void)[] = [];
  const reconnects: (() => void)[] = [];

  function open(): PortLike | undefined {
    if (dead) return undefined;
    try {
      const p = connect();
      p.onMessage.addListener((m) => {
        for (const h of handlers) h(m as AutosaveReply);
      });
      p.onDisconnect.addListener(() => {
        if (port !== p) return;
        port = undefined;
        // Tell the client at once: with changes unacknowledged it connects again and resends them.
        queueMicrotask(() => {
          for (const fn of reconnects) fn();
        });
      });
      return p;
    } catch (error) {
      if (isContextInvalidated(error)) {
        dead = true;
        onDead();
      }
      return undefined;
    }
  }

  return {
    post(message: AutosaveMessage | AutosaveHello) {
      port ??= open();
      try {
        port?.postMessage(message);
      } catch (error) {
        // The port died before we heard (worker stopped, or the extension is gone): once more on a new one.
        port = open();
        try {
          port?.postMessage(message);
        } catch (again) {
          if (isContextInvalidated(again) && !dead) {
            dead = true;
            onDead();
          }
        }
        if (isContextInvalidated(error) && !dead) {
          dead = true;
          onDead();
        }
      }
    },
    onMessage: (fn) => void handlers.push(fn),
    onReconnect: (fn) => void reconnects.push(fn),
    dead: () => dead,
  };
}

/**
 * A request to the background that survives the worker stopping while it answers ("message channel closed", "Receiving
 * end does not exist" while it starts again): tried again for about 12 s, then the error is thrown as it came.
 */
export function retryingSend<R, T>(send: (request: R) => Promise<T>, attempts = 7): (request: R) => Promise<T> {
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send(request);
      } catch (error) {
        if (attempt >= attempts || isContextInvalidated(error) || !isTransient(error)) throw error;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  };
}

function isTransient(error: unknown): boolean {
  return /message channel closed|Receiving end does not exist|Could not establish connection|message port closed/i.test(
    String(error),
  );
}
