import { createContext, useContext } from 'react';
import { type MessageId, t } from '@/lib/i18n/pageMessages';
import type { Lang } from '@/lib/core/vocabulary';

/** The extension pages' language: Chinese unless the user switched to English (one language at a time). */
export const LangContext = createContext<Lang>('zh');

export const useLang = () => useContext(LangContext);

/** A table's head: one column per UI string. */
export function HeadRow({ ids }: { ids: readonly MessageId[] }) {
  return (
    <thead>
      <tr>
        {ids.map((id) => (
          <th key={id}>
            <Text id={id} />
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A UI string in the page's language. */
export function Text({ id, vars }: { id: MessageId; vars?: Record<string, string | number> }) {
  return <>{t(useLang(), id, vars)}</>;
}
