import { useRef, useState } from 'react';
import { t } from '@/lib/i18n/messages';
import type { OverlayState } from '@/lib/overlay/state';
import { type FieldChoice, type ShareCodec, fieldChoices, shareFileName, shareOfState } from '@/lib/overlay/share';
import type { Lang } from '@/lib/core/vocabulary';

export interface ShareOutProps {
  lang: Lang;
  state: OverlayState;
  myName: string;
  onMyName(name: string): void;
  /** The page's field contents now (read when the tick list is opened) */
  fieldValues(): Record<string, string>;
  onDownload(fileName: string, text: string, type: string): void;
  codec: ShareCodec;
}

/** Making a share: the sharer's name, the field contents to include (none by default), code, file or summary. */
export function ShareOut({ lang, state, myName, onMyName, fieldValues, onDownload, codec }: ShareOutProps) {
  const [choices, setChoices] = useState<FieldChoice[]>([]);
  const [include, setInclude] = useState<Set<string>>(new Set());
  const [code, setCode] = useState('');
  const [copyState, setCopyState] = useState<'' | 'copied' | 'selected'>('');
  const codeBox = useRef<HTMLTextAreaElement>(null);

  const current = () => {
    const fields = fieldValues();
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
      <label className="gc-share-row">
        {t(lang, 'shareSharedBy')}{' '}
        <input className="gc-note" value={myName} onChange={(e) => onMyName(e.target.value)} />
      </label>
      <details
        className="gc-share-fields"
        onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setChoices(fieldChoices(fieldValues()))}
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
                <code>{c.key}</code>{' '}
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
          onClick={() => {
            const share = current();
            if (!share) return;
            void codec.encode(share, lang).then(({ code }) => {
              setCode(code);
              setCopyState('');
            });
          }}
        >
          {t(lang, 'shareMakeCode')}
        </button>
        <button
          type="button"
          onClick={() => {
            const share = current();
            if (share)
              void codec
                .encode(share, lang)
                .then(({ file }) => onDownload(shareFileName(share, 'json'), file, 'application/json'));
          }}
        >
          {t(lang, 'shareDownloadFile')}
        </button>
        <button
          type="button"
          onClick={() => {
            const share = current();
            if (share)
              void codec
                .encode(share, lang)
                .then(({ summary }) => onDownload(shareFileName(share, 'md'), summary, 'text/markdown'));
          }}
        >
          {t(lang, 'shareDownloadSummary')}
        </button>
      </p>
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
