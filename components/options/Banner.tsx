import { t } from '@/lib/i18n/pageMessages';
import { useLang } from './Text';
import type { ReactNode } from 'react';
import type { Bilingual } from '@/lib/core/vocabulary';

/** A message across the section: Chinese first, English below, with an optional action (撤销 Undo) and a close. */
export function Banner({
  kind,
  message,
  testId,
  children,
  onClose,
}: {
  kind: 'info' | 'error';
  message: Bilingual;
  testId: string;
  children?: ReactNode;
  onClose?: () => void;
}) {
  const lang = useLang();
  return (
    <div className={`gc-banner gc-banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="gc-banner-text">
        <div>{message[lang]}</div>
      </div>
      {children}
      {onClose && (
        <button type="button" className="gc-banner-close" aria-label={t(lang, 'optClose')} onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}
