import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/messages';
import type { FindingView } from '@/lib/overlay/view';
import type { Lang } from '@/lib/core/vocabulary';

export interface FindingActionHandlers {
  onConfirm(ruleId: string, entry: { note?: string } | undefined): void;
  onDocumentReady(ruleId: string, ready: boolean): void;
  onAcknowledge(ruleId: string, reason: string | undefined): void;
}

/** "张三，2026/11/28 19:30": who recorded something and when, in the panel's language. */
export function recordText(lang: Lang, record: { by?: string; at: string }): string {
  const at = new Date(record.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { hour12: false });
  return t(lang, 'recordBy', { by: record.by?.trim() || t(lang, 'anonymous'), at });
}

/**
 * A tick shown as soon as it is clicked: the checklist lives on the page side, and until its answer crosses back into
 * the panel frame the box would otherwise spring back for a moment.
 */
function useHeldTick(actual: boolean): [boolean, (ticked: boolean) => void] {
  // Held only while the page side's answer has not changed `actual` since the click.
  const [held, setHeld] = useState<{ ticked: boolean; over: boolean } | undefined>(undefined);
  return [held && held.over === actual ? held.ticked : actual, (ticked) => setHeld({ ticked, over: actual })];
}

/** What a person does with an item: confirm it, mark a document ready, or give a reason for a warning. */
export function FindingActions({
  item,
  lang,
  handlers,
}: {
  item: FindingView;
  lang: Lang;
  handlers: FindingActionHandlers;
}) {
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [confirmed, holdConfirmed] = useHeldTick(!!item.confirmation);
  const [ready, holdReady] = useHeldTick(!!item.document?.ready);

  if (item.kind === 'confirm') {
    return (
      <div className="gc-actions">
        <label>
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => {
              holdConfirmed(e.target.checked);
              handlers.onConfirm(item.ruleId, e.target.checked ? { note: item.confirmation?.note } : undefined);
            }}
          />{' '}
          {t(lang, 'confirmItem')}
        </label>
        {item.confirmation && (
          <span className="gc-muted" data-testid="gc-record">
            {t(lang, 'confirmed')}：{recordText(lang, item.confirmation)}
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
            checked={ready}
            onChange={(e) => {
              holdReady(e.target.checked);
              handlers.onDocumentReady(item.ruleId, e.target.checked);
            }}
          />{' '}
          {t(lang, 'documentReady')}
        </label>
        {item.document?.ready && (
          <span className="gc-muted" data-testid="gc-record">
            {recordText(lang, item.document)}
          </span>
        )}
      </div>
    );
  }
  if (item.status !== 'fail' || item.severity !== 'warning') return null;
  if (item.acknowledged) {
    return (
      <div className="gc-actions gc-muted">
        <span data-testid="gc-record">
          {t(lang, 'acknowledged')}：{item.acknowledged.reason}（{recordText(lang, item.acknowledged)}）
        </span>
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

/** The note kept with a confirmation (shown once the item is confirmed), saved when the field is left. */
export function ConfirmationNote({
  item,
  lang,
  onConfirm,
}: {
  item: FindingView;
  lang: Lang;
  onConfirm: FindingActionHandlers['onConfirm'];
}) {
  const [note, setNote] = useState(item.confirmation?.note ?? '');
  // A confirmation saved elsewhere (a teammate's share merged in) shows its note; an unticked item keeps what was typed.
  const savedNote = item.confirmation ? (item.confirmation.note ?? '') : undefined;
  useEffect(() => {
    if (savedNote !== undefined) setNote(savedNote);
  }, [savedNote]);
  return (
    <input
      className="gc-note"
      value={note}
      placeholder={t(lang, 'notePlaceholder')}
      aria-label={t(lang, 'notePlaceholder')}
      onChange={(e) => setNote(e.target.value)}
      onBlur={() =>
        item.confirmation &&
        note !== (item.confirmation.note ?? '') &&
        onConfirm(item.ruleId, { note: note || undefined })
      }
    />
  );
}
