import type { FormValues } from '../formValues';

/** The replica server's JSON endpoints, as both page scripts (plain and React) call them. */

export async function loadValues(sbbh: string): Promise<FormValues> {
  const res = await fetch(`/egrantweb/api/load?sbbh=${encodeURIComponent(sbbh)}`);
  if (!res.ok) throw new Error(`load ${res.status}`);
  return ((await res.json()) as { values: FormValues }).values;
}

/** 保存 or 提交: POSTs the values; resolves to the server's message. */
export async function postValues(action: 'save' | 'submit', sbbh: string, values: FormValues): Promise<string> {
  const res = await fetch(`/egrantweb/api/${action}?sbbh=${encodeURIComponent(sbbh)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(values),
  });
  const body = (await res.json()) as { message: string };
  if (!res.ok) throw new Error(body.message);
  return body.message;
}

export const TIMEOUT_NOTICE = '会话已超时，请重新登录';

/** The page's application id and whether it opens as after a session timeout (set by the server). */
export function pageParams(doc: Document): { sbbh: string; expired: boolean } {
  return { sbbh: doc.body.dataset.sbbh ?? '', expired: doc.body.dataset.expired === '1' };
}

/** Helpers tests and the demo call: `window.__replica.expireSession()` etc. */
export interface ReplicaHooks {
  expireSession(): void;
  rerender(): void;
  /** Resolves once the saved values are on the page */
  ready: Promise<void>;
}

declare global {
  interface Window {
    __replica?: ReplicaHooks;
  }
}
