import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/messages';
import type { FindingView } from '@/lib/overlay/view';
import type { Lang } from '@/lib/core/vocabulary';

export interface FindingActionHandlers {
  onConfirm(ruleId: string, entry: { note?: string } | undefined): void;
  onDocumentReady(ruleId: string, ready: boolean): void;
  onAcknowledge(ruleId: string, reason: string | undefined): void;
}

/** What a person does with an item: confirm it (with a note), mark a document ready, or acknowledge a warning. */
export function FindingActions({
  item,
  lang,
  handlers,
}: {
  item: FindingView;
  lang: Lang;
  handlers: FindingActionHandlers;
}) {
  const [note, setNote] = useState(item.confirmation?.note ?? '');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  // A confirmation saved elsewhere (a teammate's share merged in) shows its note; an unticked item keeps what was typed.
  const savedNote = item.confirmation ? (item.confirmation.note ?? '') : undefined;
  useEffect(() => {
    if (savedNote !== undefined) setNote(savedNote);
  }, [savedNote]);

  if (item.kind === 'confirm') {
    return (
      <div className="gc-actions">
        <label>
          <input
            type="checkbox"
            checked={!!item.confirmation}
            onChange={(e) =>
              handlers.onConfirm(item.ruleId, e.target.checked ? { note: note || undefined } : undefined)
            }
          />{' '}
          {t(lang, 'confirmItem')}
        </label>
        <input
          className="gc-note"
          value={note}
          placeholder={t(lang, 'notePlaceholder')}
          aria-label={t(lang, 'notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() =>
            item.confirmation &&
            note !== (item.confirmation.note ?? '') &&
            handlers.onConfirm(item.ruleId, { note: note || undefined })
          }
        />
        {item.confirmation && (
          <span className="gc-muted">
            {' '}
            {t(lang, 'confirmedBy', {
              at: new Date(item.confirmation.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
            })}
          </span>
        )}
      </div>
    );
  }
  if (item.kind === 'document') {
    return (
      <div className="gc-actions">
        <label>
          <input
            type="checkbox"
            checked={!!item.documentReady}
            onChange={(e) => handlers.onDocumentReady(item.ruleId, e.target.checked)}
          />{' '}
          {t(lang, 'documentReady')}
        </label>
      </div>
    );
  }
  if (item.status !== 'fail' || item.severity !== 'warning') return null;
  if (item.acknowledged) {
    return (
      <div className="gc-actions gc-muted">
        {t(lang, 'acknowledged', { reason: item.acknowledged.reason })}{' '}
        <button type="button" className="gc-link" onClick={() => handlers.onAcknowledge(item.ruleId, undefined)}>
          {t(lang, 'undo')}
        </button>
      </div>
    );
  }
  return (
    <div className="gc-actions">
      {asking ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) handlers.onAcknowledge(item.ruleId, reason.trim());
            setAsking(false);
          }}
        >
          <input
            className="gc-note"
            value={reason}
            placeholder={t(lang, 'acknowledgeReason')}
            aria-label={t(lang, 'acknowledgeReason')}
            onChange={(e) => setReason(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the field appears on the user's click; focus follows that action
            autoFocus
          />
          <button type="submit">{t(lang, 'acknowledgeSave')}</button>
        </form>
      ) : (
        <button type="button" className="gc-link" onClick={() => setAsking(true)}>
          {t(lang, 'acknowledge')}
        </button>
      )}
    </div>
  );
}
