import { useCallback, useEffect, useRef, useState } from 'react';
import type { Bilingual } from '@/lib/core/vocabulary';
import type { Call, Payload, RequestType, Responses } from '@/lib/messages/contract';
import { errorMessage, failureMessage, type WriteFailure } from './failure';

/**
 * What the options page needs of the background: the typed call of lib/messages/contract.ts, and a way to hear
 * that drafts or profiles changed elsewhere (a portal tab's autosave, another options page). Tests pass their own.
 */
export interface Backend {
  call: Call;
  /** Returns the unsubscribe */
  onChange(listener: () => void): () => void;
}

/** The page's one error style: every request answers an Outcome, whose failure is the message the banner shows. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: Bilingual };

/** A store answer minus its refusals (quota, not found, invalid, conflict), which `write` turns into messages. */
export type Accepted<T> = T extends { ok: false } ? never : T;

/** A request whose failure (no answer, the background threw) becomes a message instead of a rejection. */
export async function request<T extends RequestType>(
  backend: Backend,
  type: T,
  payload: Payload<T>,
): Promise<Outcome<Responses[T]>> {
  try {
    return { ok: true, value: await backend.call(type, payload) };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/** A write: also a refusal of the store (nothing written) becomes the message saying why. */
export async function write<T extends RequestType>(
  backend: Backend,
  type: T,
  payload: Payload<T>,
): Promise<Outcome<Accepted<Responses[T]>>> {
  const outcome = await request(backend, type, payload);
  if (!outcome.ok) return outcome;
  if (isRefusal(outcome.value)) return { ok: false, message: failureMessage(outcome.value) };
  return { ok: true, value: outcome.value as Accepted<Responses[T]> };
}

function isRefusal(value: unknown): value is WriteFailure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/**
 * The answer to a read, asked again whenever `key` changes and whenever the drafts change; an answer overtaken by a
 * newer question is dropped (typing in the search box asks many).
 */
export function useRequest<T extends RequestType>(
  backend: Backend,
  type: T,
  payload: Payload<T>,
  key: string,
): { outcome: Outcome<Responses[T]> | undefined; refresh(): void } {
  const [outcome, setOutcome] = useState<Outcome<Responses[T]>>();
  const asked = useRef(0);
  // The payload is read through a ref: `key` says when it changed, callers need not memoise it.
  const payloadRef = useRef(payload);
  payloadRef.current = payload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the payload, read through its ref
  const refresh = useCallback(() => {
    const mine = ++asked.current;
    void request(backend, type, payloadRef.current).then((answer) => {
      if (mine === asked.current) setOutcome(answer);
    });
  }, [backend, type, key]);
  useEffect(() => {
    refresh();
    return backend.onChange(refresh);
  }, [backend, refresh]);
  return { outcome, refresh };
}
