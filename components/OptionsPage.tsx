import { t } from '@/lib/i18n/pageMessages';
import type { Lang } from '@/lib/core/vocabulary';
import type { Backend } from './options/backend';
import { DraftsManager } from './options/DraftsManager';
import { Profiles } from './options/Profiles';
import { RuleSources } from './options/RuleSources';
import { LangContext, Text } from './options/Text';
import { StorageStatus, type StorageApi } from './options/StorageStatus';

export interface OptionsPageProps {
  lang: Lang;
  onLang(lang: Lang): void;
  /** The background's drafts and profiles (options/backend.ts) */
  backend: Backend;
  doc: Document;
  storage: StorageApi | undefined;
}

const SECTIONS = [
  ['drafts', 'optionsDrafts'],
  ['rules', 'optionsRuleSources'],
  ['profiles', 'optionsProfiles'],
  ['storage', 'optStorage'],
] as const;

/** The options page: drafts, rule sources, profiles, storage and settings, in Chinese or, when chosen, English. */
export function OptionsPage({ lang, onLang, backend, doc, storage }: OptionsPageProps) {
  return (
    <LangContext value={lang}>
      <main className="gc-page gc-options" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <h1>
          {t(lang, 'appName')}{' '}
          <button
            type="button"
            className="gc-lang"
            data-testid="options-lang"
            onClick={() => onLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t(lang, 'switchLang')}
          </button>
        </h1>
        <nav>
          {SECTIONS.map(([id, label]) => (
            <a key={id} href={`#${id}`}>
              <Text id={label} />
            </a>
          ))}
        </nav>
        <DraftsManager backend={backend} doc={doc} />
        <RuleSources />
        <Profiles backend={backend} />
        <StorageStatus storage={storage} />
        <section id="settings">
          <h2>
            <Text id="optionsSettings" />
          </h2>
          <label>
            <Text id="optLanguage" />{' '}
            <select value={lang} onChange={(e) => onLang(e.target.value === 'en' ? 'en' : 'zh')}>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <p className="gc-muted">
            <Text id="optSettingsNote" />
          </p>
        </section>
      </main>
    </LangContext>
  );
}
