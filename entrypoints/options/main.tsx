import '@/lib/core/zodJitless';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/pages.css';
import type { Backend } from '@/components/options/backend';
import { DRAFTS_CHANGED } from '@/lib/messages/channels';
import { createClient } from '@/lib/messages/contract';
import { readPageLang, writePageLang } from '@/lib/i18n/langSetting';
import type { Lang } from '@/lib/core/vocabulary';

const root = createRoot(document.getElementById('root')!);
// Drafts and profiles live in the background's database; the page asks for them and hears when they change.
const backend: Backend = {
  call: createClient((m) => browser.runtime.sendMessage(m)).call,
  onChange(listener) {
    const heard = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === DRAFTS_CHANGED) listener();
    };
    browser.runtime.onMessage.addListener(heard);
    return () => browser.runtime.onMessage.removeListener(heard);
  },
};
const render = (lang: Lang) => {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  root.render(
    <OptionsPage
      lang={lang}
      onLang={(next) => {
        render(next);
        void writePageLang(browser.storage.local, next);
      }}
      backend={backend}
      doc={document}
      storage={navigator.storage}
    />,
  );
};
void readPageLang(browser.storage.local).then(render, () => render('zh'));
