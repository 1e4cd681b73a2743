import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/core/vocabulary';

/** A rejected promise as the message the user sees: what failed, in the browser's own words. */
export function failureText(lang: Lang, error: unknown): string {
  return t(lang, 'actionFailed', { error: error instanceof Error ? error.message : String(error) });
}
