import type { Request } from '../messages/protocol';
import type { Share } from '../share/model';
import type { Send } from './draftSync';
import type { ReadShare } from '../share/preview';
import type { ShareCodec } from './share';
import type { OverlayState, ProfileChoice } from './state';
import type { Lang } from '../core/vocabulary';

/** What the background answers: the value, or an error thrown as the panel shows it. */
async function ask<T>(send: Send, request: Request): Promise<T> {
  const response = (await send(request)) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!response?.ok) throw new Error(response?.error ?? `${request.type} failed`);
  return response.value as T;
}

/** The self-check report of what the panel shows, written by the background (the report builder stays out of the page). */
export async function reportFile(
  send: Send,
  state: OverlayState,
  applicationId: string,
  format: 'html' | 'markdown',
): Promise<{ name: string; text: string; type: string } | undefined> {
  const match = state.direction;
  if (!match) return undefined;
  const file = await ask<{ name: string; text: string; type: string } | null>(send, {
    type: 'report:build',
    packId: match.pack.id,
    direction: match.direction.code,
    // Findings are plain data; the background checks their shape again.
    findings: state.findings as unknown as Extract<Request, { type: 'report:build' }>['findings'],
    checklist: state.checklist,
    application: state.application,
    applicationId,
    lang: state.lang,
    format,
  });
  return file ?? undefined;
}

/** Share codes are made and read by the background: decoding validates with zod, which stays out of the page. */
export function shareCodec(send: Send): ShareCodec {
  const required = <T>(value: T | undefined, type: string): T => {
    if (!value) throw new Error(`${type} failed`);
    return value;
  };
  return {
    encode: async (share: Share, lang: Lang) =>
      required(
        await ask<{ code: string; file: string; summary: string }>(send, { type: 'share:encode', share, lang }),
        'share:encode',
      ),
    decode: async (text: string) =>
      required(await ask<ReadShare>(send, { type: 'share:decode', text }), 'share:decode'),
  };
}

/** The user's saved profiles (unit, team members); none when the background cannot say. */
export async function listProfiles(send: Send): Promise<ProfileChoice[]> {
  const response = (await send({ type: 'listProfiles' }).catch(() => undefined)) as
    | { ok: boolean; value?: ProfileChoice[] }
    | undefined;
  return response?.ok ? (response.value ?? []) : [];
}
