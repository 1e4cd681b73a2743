import { useRef, useState } from 'react';
import { t } from '@/lib/i18n/pageMessages';
import type { OverlayState } from '@/lib/overlay/state';
import { type FieldChoice, type ShareCodec, fieldChoices, shareFileName, shareOfState } from '@/lib/overlay/share';
import type { Share } from '@/lib/share/model';
import { failureText } from '../failureText';
import type { Lang } from '@/lib/core/vocabulary';

export interface ShareOutProps {
  lang: Lang;
  state: OverlayState;
  /** The one name box (the menu's 我的名字) signs the share; it is shown here, not edited */
  myName: string;
  /** A saved field's key by the form's label */
  fieldLabel(key: string): string;
  /** The page's field contents now (read when the tick list is opened) */
  /** Asked of the page side over the bridge when needed (never kept in the panel) */
  fieldValues(): Promise<Record<string, string>>;
  onDownload(fileName: string, text: string, type: string): void;
  codec: ShareCodec;
}

/**
 * Making a share: what leaves (the team's names, notes, reasons and any ticked field contents, readable by whoever
 * holds the code), the field contents to include (none by default), then code, file or summary.
 */
export function ShareOut({ lang, state, myName, fieldLabel, fieldValues, onDownload, codec }: ShareOutProps) {
  const [choices, setChoices] = useState<FieldChoice[]>([]);
  const [failed, setFailed] = useState('');
  const encode = (then: (encoded: Awaited<ReturnType<ShareCodec['encode']>>, share: Share) => void) => {
    setFailed('');
    current()
      .then((share) => share && codec.encode(share, lang).then((encoded) => then(encoded, share)))
      .catch((error: unknown) => setFailed(failureText(lang, error)));
  };

  const [include, setInclude] = useState<Set<string>>(new Set());
  const [code, setCode] = useState('');
  const [copyState, setCopyState] = useState<'' | 'copied' | 'selected'>('');
  const codeBox = useRef<HTMLTextAreaElement>(null);
  const { checklist } = state;
  const travels = {
    name: myName.trim() || t(lang, 'anonymous'),
    confirmations: Object.keys(checklist.confirmations).length,
    notes: Object.values(checklist.confirmations).filter((c) => c.note?.trim()).length,
    reasons: Object.keys(checklist.acknowledgements).length,
    owners: new Set(Object.values(checklist.owners).filter((o) => o.trim())).size,
    fields: include.size,
  };
  const current = async () => {
    const fields = await fieldValues();
    return shareOfState(state, fields, {
      sharedBy: myName,
      include: [...include].filter((k) => Object.hasOwn(fields, k)),
    });
  };
  const copy = () => {
    const select = () => {
      codeBox.current?.select();
      setCopyState('selected');
    };
    if (!navigator.clipboard) return select();
    navigator.clipboard.writeText(code).then(() => setCopyState('copied'), select);
  };

  return (
    <div className="gc-share-out">
      <div className="gc-share-travels" data-testid="gc-share-travels">
        <p>{t(lang, 'shareTravelsHead', { name: travels.name })}</p>
        <ul>
          <li>{t(lang, 'shareTravelsChecklist', travels)}</li>
          <li>{t(lang, 'shareTravelsOwners', travels)}</li>
          <li>{t(lang, 'shareTravelsFields', travels)}</li>
        </ul>
        <p className="gc-alert">{t(lang, 'shareTravelsReadable')}</p>
      </div>
      <details
        className="gc-share-fields"
        onToggle={(e) =>
          (e.currentTarget as HTMLDetailsElement).open &&
          void fieldValues().then(
            (values) => setChoices(fieldChoices(values)),
            (error: unknown) => setFailed(failureText(lang, error)),
          )
        }
      >
        <summary>{t(lang, 'shareIncludeFields')}</summary>
        {choices.length === 0 && <p className="gc-muted">{t(lang, 'shareNoFields')}</p>}
        <ul>
          {choices.map((c) => (
            <li key={c.key} className={c.personal ? 'gc-personal' : undefined}>
              <label>
                <input
                  type="checkbox"
                  checked={include.has(c.key)}
                  onChange={(e) => {
                    const next = new Set(include);
                    if (e.target.checked) next.add(c.key);
                    else next.delete(c.key);
                    setInclude(next);
                  }}
                />{' '}
                {fieldLabel(c.key)}{' '}
                <span className="gc-muted">{c.value.length > 40 ? `${c.value.slice(0, 40)}…` : c.value}</span>
                {c.personal && <strong className="gc-personal-flag"> ⚠ {t(lang, 'sharePersonalField')}</strong>}
              </label>
            </li>
          ))}
        </ul>
      </details>
      <p className="gc-share-buttons">
        <button
          type="button"
          onClick={() =>
            encode(({ code }) => {
              setCode(code);
              setCopyState('');
            })
          }
        >
          {t(lang, 'shareMakeCode')}
        </button>
        <button
          type="button"
          onClick={() =>
            encode(({ file }, share) => onDownload(shareFileName(share, 'json'), file, 'application/json'))
          }
        >
          {t(lang, 'shareDownloadFile')}
        </button>
        <button
          type="button"
          onClick={() =>
            encode(({ summary }, share) => onDownload(shareFileName(share, 'md'), summary, 'text/markdown'))
          }
        >
          {t(lang, 'shareDownloadSummary')}
        </button>
      </p>
      {failed && (
        <p className="gc-alert" role="alert">
          {failed}
        </p>
      )}
      {code && (
        <div className="gc-share-code">
          <textarea
            ref={codeBox}
            readOnly
            value={code}
            aria-label={t(lang, 'shareCodeLabel')}
            rows={4}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={copy}>
            {t(lang, 'shareCopy')}
          </button>
          {copyState && (
            <span className="gc-muted" role="status">
              {t(lang, copyState === 'copied' ? 'shareCopied' : 'shareCopySelected')}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
