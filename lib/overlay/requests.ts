import type { Call } from '../messages/contract';
import type { Share } from '../share/model';
import type { ShareCodec } from './share';
import type { OverlayState, ProfileChoice } from './state';
import type { Lang } from '../core/vocabulary';

/** The self-check report of what the panel shows, written by the background (the report builder stays out of the page). */
export async function reportFile(
  call: Call,
  state: Pick<OverlayState, 'direction' | 'findings' | 'checklist' | 'application' | 'lang'>,
  applicationId: string,
  format: 'html' | 'markdown',
): Promise<{ name: string; text: string; type: string } | undefined> {
  const match = state.direction;
  if (!match) return undefined;
  const file = await call('report:build', {
    packId: match.pack.id,
    direction: match.direction.code,
    // Findings are plain data (copied into plain objects); the background checks their shape again.
    findings: state.findings.map((f) => ({ ...f })),
    checklist: state.checklist,
    application: state.application,
    applicationId,
    lang: state.lang,
    format,
  });
  return file ?? undefined;
}

/** Share codes are made and read by the background: decoding validates with zod, which stays out of the page. */
export function shareCodec(call: Call): ShareCodec {
  return {
    encode: (share: Share, lang: Lang) => call('share:encode', { share, lang }),
    decode: (text: string) => call('share:decode', { text }),
  };
}

/** The user's saved profiles offered on this site (unit, team members); none when the background cannot say. */
export async function listProfiles(call: Call): Promise<ProfileChoice[]> {
  return call('listProfiles', {}).catch(() => []);
}
