import '@/lib/core/zodJitless';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/pages.css';
import { openDraftDb } from '@/lib/drafts/db';
import { readPageLang, writePageLang } from '@/lib/i18n/langSetting';
import type { Lang } from '@/lib/core/vocabulary';

const root = createRoot(document.getElementById('root')!);
const db = openDraftDb();
const render = (lang: Lang) => {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  root.render(
    <OptionsPage
      lang={lang}
      onLang={(next) => {
        render(next);
        void writePageLang(browser.storage.local, next);
      }}
      db={db}
      doc={document}
      storage={navigator.storage}
    />,
  );
};
void readPageLang(browser.storage.local).then(render, () => render('zh'));
