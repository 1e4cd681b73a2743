import { Request, type Response } from './protocol';

/** Who sent a message: only our own extension's pages and content scripts are answered. */
export interface Sender {
  id?: string;
  url?: string;
}

export type Handlers = {
  [T in Request['type']]: (request: Extract<Request, { type: T }>, sender: Sender) => Promise<unknown>;
};

/**
 * Validates a runtime message and dispatches it. Anything malformed, unknown or foreign is refused,
 * logged, and touches nothing.
 */
export function createRouter(extensionId: string, handlers: Handlers, log: (message: string) => void = console.warn) {
  return async (message: unknown, sender: Sender): Promise<Response<unknown>> => {
    if (sender.id !== extensionId) {
      log(`GuideCheck: refused a message from another sender (${sender.id ?? 'unknown'})`);
      return { ok: false, error: 'forbidden sender' };
    }
    const parsed = Request.safeParse(message);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
      log(`GuideCheck: refused a malformed message: ${why}`);
      return { ok: false, error: `malformed message: ${why}` };
    }
    try {
      const handler = handlers[parsed.data.type] as (r: Request, s: Sender) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
