import { t } from '@/lib/i18n/pageMessages';
import type { Lang } from '@/lib/core/vocabulary';

export interface MineFilterProps {
  lang: Lang;
  myName: string;
  onMyName(name: string): void;
  onlyMine: boolean;
  onOnlyMine(only: boolean): void;
  /** How many items the filter hides now */
  hidden: number;
}

/** "My name" (also the sharer's name) and the "only mine" filter that hides items other team members own. */
export function MineFilter({ lang, myName, onMyName, onlyMine, onOnlyMine, hidden }: MineFilterProps) {
  return (
    <p className="gc-mine" data-testid="gc-mine">
      <label>
        {t(lang, 'shareMyName')} <input className="gc-note" value={myName} onChange={(e) => onMyName(e.target.value)} />
      </label>
      <label>
        <input
          type="checkbox"
          checked={onlyMine}
          disabled={!myName.trim()}
          onChange={(e) => onOnlyMine(e.target.checked)}
        />{' '}
        {t(lang, 'shareFilterMine')}
      </label>
      {!myName.trim() && <span className="gc-muted">{t(lang, 'shareMineNeedsName')}</span>}
      {onlyMine && hidden > 0 && <span className="gc-muted">{t(lang, 'shareHiddenByOwner', { n: hidden })}</span>}
    </p>
  );
}
