import type { Problem } from '../core/issues';
import { t, type MessageId } from '../i18n/pageMessages';
import type { Bilingual } from '../core/vocabulary';

/** Why a share was not taken: each reason has its own message, Chinese first. */
export type ShareRefusalReason =
  | 'modified'
  | 'notShare'
  | 'newerVersion'
  | 'unknownVersion'
  | 'invalid'
  | 'otherGuideline'
  | 'otherDirection';

export interface ShareRefusal {
  ok: false;
  reason: ShareRefusalReason;
  message: Bilingual;
  /** For 'invalid': what is wrong and where */
  problems?: Problem[];
}

const MESSAGE_OF: Record<ShareRefusalReason, MessageId> = {
  modified: 'shareCodeModified',
  notShare: 'shareNotShare',
  newerVersion: 'shareNewerVersion',
  unknownVersion: 'shareUnknownVersion',
  invalid: 'shareInvalid',
  otherGuideline: 'shareOtherGuideline',
  otherDirection: 'shareOtherDirection',
};

export function bilingual(id: MessageId, vars: Record<string, string | number> = {}): Bilingual {
  return { zh: t('zh', id, vars), en: t('en', id, vars) };
}

export function refusal(
  reason: ShareRefusalReason,
  vars: Record<string, string | number> = {},
  problems?: Problem[],
): ShareRefusal {
  if (problems) {
    return {
      ok: false,
      reason,
      message: {
        zh: t('zh', MESSAGE_OF[reason], { ...vars, problems: problems.map((p) => p.zh).join('；') }),
        en: t('en', MESSAGE_OF[reason], { ...vars, problems: problems.map((p) => p.en).join('; ') }),
      },
      problems,
    };
  }
  return { ok: false, reason, message: bilingual(MESSAGE_OF[reason], vars) };
}
