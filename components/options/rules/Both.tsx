import { t, type MessageId } from '@/lib/i18n/pageMessages';

/** A label in Chinese with its English beside it, as the options page shows every heading. */
export function Both({ id, vars }: { id: MessageId; vars?: Record<string, string | number> }) {
  return (
    <>
      {t('zh', id, vars)} <span className="gc-muted">{t('en', id, vars)}</span>
    </>
  );
}
