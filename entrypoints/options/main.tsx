import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/pages.css';
import { openDraftDb } from '@/lib/drafts/db';
import { type Lang, readPageLang, writePageLang } from '@/lib/i18n/langSetting';

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
