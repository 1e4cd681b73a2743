import type { DraftDb } from '@/lib/drafts/db';
import { t } from '@/lib/i18n/pageMessages';
import { DraftsManager } from './options/DraftsManager';
import { Profiles } from './options/Profiles';
import { RuleSources } from './options/RuleSources';
import { Both } from './options/rules/Both';
import { StorageStatus, type StorageApi } from './options/StorageStatus';

export interface OptionsPageProps {
  db: DraftDb;
  doc: Document;
  storage: StorageApi | undefined;
}

const SECTIONS = [
  ['drafts', 'optionsDrafts'],
  ['rules', 'optionsRuleSources'],
  ['profiles', 'optionsProfiles'],
  ['storage', 'optStorage'],
] as const;

/** The options page: drafts, rule sources, profiles, storage and settings, Chinese first with English beside. */
export function OptionsPage({ db, doc, storage }: OptionsPageProps) {
  return (
    <main className="gc-page gc-options">
      <h1>{t('zh', 'appName')}</h1>
      <nav>
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            <Both id={label} />
          </a>
        ))}
      </nav>
      <DraftsManager db={db} doc={doc} />
      <RuleSources />
      <Profiles db={db} />
      <StorageStatus storage={storage} />
      <section id="settings">
        <h2>
          <Both id="optionsSettings" />
        </h2>
        <p className="gc-muted">
          <Both id="optSettingsNote" />
        </p>
      </section>
    </main>
  );
}
