import { useState } from 'react';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/core/vocabulary';
import { failureText } from './failureText';
import type { ProfileChoice } from '@/lib/overlay/controller';
import { trusted } from './trusted';

export interface ProfileFillProps {
  lang: Lang;
  load(): Promise<ProfileChoice[]>;
  onFill(profile: ProfileChoice): void;
}

/** Repeated data saved once (options → 常用资料), filled into this application on request. */
export function ProfileFill({ lang, load, onFill }: ProfileFillProps) {
  const [profiles, setProfiles] = useState<ProfileChoice[] | undefined>();
  const [failed, setFailed] = useState('');
  if (!profiles) {
    return (
      <p className="gc-profile-fill">
        <button
          type="button"
          onClick={trusted(() => {
            setFailed('');
            load().then(setProfiles, (error: unknown) => setFailed(failureText(lang, error)));
          })}
        >
          {t(lang, 'profileFill')}
        </button>
        {failed && (
          <span className="gc-alert" role="alert">
            {failed}
          </span>
        )}
      </p>
    );
  }
  if (profiles.length === 0) return <p className="gc-muted">{t(lang, 'profileNone')}</p>;
  return (
    <ul className="gc-profile-list" data-testid="gc-profiles">
      {profiles.map((p) => (
        <li key={p.id}>
          <button type="button" onClick={trusted(() => onFill(p))}>
            {t(lang, p.kind === 'leadUnit' ? 'profileAsLead' : 'profileAsPi')}：{p.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
