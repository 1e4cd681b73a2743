import { useState } from 'react';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/core/vocabulary';
import { trusted } from './trusted';

export interface MappingPanelProps {
  lang: Lang;
  active: boolean;
  picked?: { label?: string; name: string };
  fields: { path: string; title: string }[];
  missing: string[];
  mappedCount: number;
  onActivate(active: boolean): void;
  onAssign(path: string): void;
  onExport(): void;
}

/** Mapping mode: the user points at a portal field and says which application field it is. */
export function MappingPanel({
  lang,
  active,
  picked,
  fields,
  missing,
  mappedCount,
  onActivate,
  onAssign,
  onExport,
}: MappingPanelProps) {
  const [path, setPath] = useState('');
  if (!active) {
    return (
      <p className="gc-mapping-entry">
        <button type="button" onClick={trusted(() => onActivate(true))}>
          {t(lang, 'mappingStart')}
        </button>
        {mappedCount > 0 && <span className="gc-muted"> {t(lang, 'mappingCount', { n: mappedCount })}</span>}
      </p>
    );
  }
  // Fields the page lacks come first: they are what the user is here for.
  const ordered = [
    ...fields.filter((f) => missing.includes(f.path)),
    ...fields.filter((f) => !missing.includes(f.path)),
  ];
  return (
    <section className="gc-mapping" aria-label={t(lang, 'mappingStart')}>
      <p className="gc-muted">{t(lang, 'mappingHelp')}</p>
      <p data-testid="gc-mapping-picked">
        {picked
          ? t(lang, 'mappingPicked', { label: picked.label ?? '—', name: picked.name })
          : t(lang, 'mappingNothingPicked')}
      </p>
      <select
        value={path}
        onChange={(e) => setPath(e.target.value)}
        disabled={!picked}
        aria-label={t(lang, 'mappingAssign')}
      >
        <option value="">—</option>
        {ordered.map((f) => (
          <option key={f.path} value={f.path}>
            {missing.includes(f.path) ? '● ' : ''}
            {f.title}
          </option>
        ))}
      </select>
      <span className="gc-header-actions">
        <button
          type="button"
          disabled={!picked || !path}
          onClick={trusted(() => {
            onAssign(path);
            setPath('');
          })}
        >
          {t(lang, 'mappingAssign')}
        </button>
        <button type="button" disabled={mappedCount === 0} onClick={trusted(onExport)}>
          {t(lang, 'mappingExport')}
        </button>
        <button type="button" onClick={() => onActivate(false)}>
          {t(lang, 'mappingDone')}
        </button>
      </span>
      <p className="gc-muted">{t(lang, 'mappingCount', { n: mappedCount })}</p>
    </section>
  );
}
