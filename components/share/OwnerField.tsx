import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/pageMessages';
import type { Lang } from '@/lib/core/vocabulary';

/** The team member an item is assigned to: saved when the field is left or Enter is pressed. */
export function OwnerField({
  ruleId,
  owner,
  lang,
  onAssign,
}: {
  ruleId: string;
  owner: string | undefined;
  lang: Lang;
  onAssign(ruleId: string, name: string): void;
}) {
  const [name, setName] = useState(owner ?? '');
  // An owner set elsewhere (a share merged in) replaces what the field shows.
  useEffect(() => setName(owner ?? ''), [owner]);
  const save = () => name.trim() !== (owner ?? '') && onAssign(ruleId, name);
  return (
    <label className="gc-owner">
      {t(lang, 'shareOwner')}{' '}
      <input
        className="gc-note"
        value={name}
        placeholder={t(lang, 'shareOwnerPlaceholder')}
        onChange={(e) => setName(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
    </label>
  );
}
