import type { Problem } from '@/lib/core/issues';
import { t } from '@/lib/i18n/pageMessages';
import type { Bilingual } from '@/lib/core/vocabulary';

/** Every way a drafts/profiles write can fail, as the store answers it. */
export type WriteFailure =
  | { ok: false; error: 'quota' | 'notFound' }
  | { ok: false; conflict: unknown }
  | { ok: false; error: 'invalid'; problems: Problem[] }
  | { ok: false; reason: Bilingual };

/** What the banner says about a failed write; nothing was written in any of these cases. */
export function failureMessage(failure: WriteFailure): Bilingual {
  if ('conflict' in failure) return both('optConflict');
  if ('reason' in failure) return failure.reason;
  if (failure.error === 'invalid')
    return { zh: failure.problems.map((p) => p.zh).join('；'), en: failure.problems.map((p) => p.en).join('; ') };
  return both(failure.error === 'quota' ? 'optQuota' : 'optNotFound');
}

/** An unexpected exception (IndexedDB closed, disk error): said plainly, with the browser's own words. */
export function errorMessage(error: unknown): Bilingual {
  if ((error as { name?: unknown } | null)?.name === 'QuotaExceededError') return both('optQuota');
  const detail = error instanceof Error ? error.message : String(error);
  return { zh: t('zh', 'optFailed', { error: detail }), en: t('en', 'optFailed', { error: detail }) };
}

function both(id: 'optConflict' | 'optQuota' | 'optNotFound'): Bilingual {
  return { zh: t('zh', id), en: t('en', id) };
}
