import { useState } from 'react';
import { t } from '@/lib/i18n/pageMessages';
import type { OverlayState } from '@/lib/overlay/state';
import { type ShareCodec, describeParts } from '@/lib/overlay/share';
import { type ConflictChoice, type ImportPreview, checklistAfterImport, previewImport } from '@/lib/share/preview';
import { rulesById } from '@/lib/overlay/view';
import { partsOf } from '@/lib/share/items';
import { failureText } from '../failureText';
import type { Lang, Bilingual, Checklist } from '@/lib/core/vocabulary';
import { trusted } from '../trusted';

export interface ShareImportProps {
  lang: Lang;
  state: OverlayState;
  /** Saves the merged checklist (controller.setChecklist) */
  onApply(checklist: Checklist): void;
  codec: ShareCodec;
}

/** A message in the panel's language first, the other language after it. */
function BothLanguages({ message, lang }: { message: Bilingual; lang: Lang }) {
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <>
      {message[lang]} <span className="gc-muted">{message[other]}</span>
    </>
  );
}

/**
 * Importing a teammate's share: paste a code or choose a file, see what will change (items, flags, conflicts side by
 * side with a choice each), then merge. A refusal shows its reason and changes nothing.
 */
export function ShareImport({ lang, state, onApply, codec }: ShareImportProps) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [done, setDone] = useState<{ applied: number } | { message: Bilingual }>();
  const titles = rulesById(state);
  const title = (ruleId: string) => titles.get(ruleId)?.title[lang] ?? t(lang, 'unknownRule');
  const [failed, setFailed] = useState('');

  const check = (input: string) => {
    setFailed('');
    codec.decode(input).then(
      (read) => {
        setPreview(previewImport(read, state));
        setChoices({});
        setDone(undefined);
      },
      (error: unknown) => setFailed(failureText(lang, error)),
    );
  };
  const merge = () => {
    if (!preview?.ok) return;
    const after = checklistAfterImport(preview.share, state, choices);
    if (!after.ok) {
      setDone({ message: after.message });
    } else {
      onApply(after.checklist);
      setDone({ applied: after.applied });
      setText('');
    }
    setPreview(undefined);
  };

  return (
    <div className="gc-share-import" data-testid="gc-share-import">
      <strong>{t(lang, 'shareImport')}</strong>
      <textarea
        value={text}
        rows={3}
        placeholder={t(lang, 'shareImportPaste')}
        aria-label={t(lang, 'shareImportPaste')}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="gc-share-buttons">
        <button type="button" disabled={!text.trim()} onClick={() => check(text)}>
          {t(lang, 'shareImportCheck')}
        </button>
        <label className="gc-file">
          {t(lang, 'shareImportFile')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) file.text().then(check, (error: unknown) => setFailed(failureText(lang, error)));
            }}
          />
        </label>
      </p>
      {failed && (
        <p className="gc-alert" role="alert">
          {failed}
        </p>
      )}
      {done && (
        <p className={'applied' in done ? 'gc-ok' : 'gc-alert'} role="status" data-testid="gc-share-result">
          {'applied' in done ? (
            t(lang, 'shareApplied', { n: done.applied })
          ) : (
            <BothLanguages message={done.message} lang={lang} />
          )}
        </p>
      )}
      {preview && !preview.ok && (
        <p className="gc-alert" role="alert" data-testid="gc-share-refused">
          <BothLanguages message={preview.message} lang={lang} />
        </p>
      )}
      {preview?.ok && (
        <div className="gc-share-preview" data-testid="gc-share-preview">
          <p>
            {t(lang, 'shareImportFrom', {
              by: preview.share.sharedBy ?? t(lang, 'shareSummaryAnonymous'),
              at: new Date(preview.share.sharedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
              direction: preview.share.direction,
            })}
          </p>
          {preview.result.notices.map((n) => (
            <p key={n.zh} className="gc-alert">
              <BothLanguages message={n} lang={lang} />
            </p>
          ))}
          <p>
            {preview.result.applied.length
              ? t(lang, 'shareWillApply', { n: preview.result.applied.length })
              : t(lang, 'shareNothingNew')}
          </p>
          <ul className="gc-share-applied">
            {preview.result.applied.map((ruleId) => (
              <li key={ruleId}>
                {title(ruleId)}
                {describeParts(partsOf(preview.share.items[ruleId]!), lang).map((line) => (
                  <div key={line} className="gc-muted">
                    {line}
                  </div>
                ))}
              </li>
            ))}
          </ul>
          {preview.result.conflicts.length > 0 && (
            <p>
              <strong>{t(lang, 'shareConflictTitle', { n: preview.result.conflicts.length })}</strong>
            </p>
          )}
          {preview.result.conflicts.map((c) => (
            <fieldset key={c.ruleId} className="gc-conflict" data-rule={c.ruleId}>
              <legend>{title(c.ruleId)}</legend>
              <div className="gc-conflict-sides">
                {(['local', 'incoming'] as const).map((side) => (
                  <label key={side} className="gc-conflict-side">
                    <input
                      type="radio"
                      name={`gc-conflict-${c.ruleId}`}
                      checked={(choices[c.ruleId] ?? 'local') === side}
                      onChange={() => setChoices({ ...choices, [c.ruleId]: side })}
                    />{' '}
                    <strong>{t(lang, side === 'local' ? 'shareKeepLocal' : 'shareTakeIncoming')}</strong>
                    {describeParts(c[side], lang).map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <p className="gc-share-buttons">
            <button type="button" onClick={trusted(merge)}>
              {t(lang, 'shareConfirmMerge')}
            </button>
            <button type="button" onClick={() => setPreview(undefined)}>
              {t(lang, 'shareCancel')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
