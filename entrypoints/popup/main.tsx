import { createRoot } from 'react-dom/client';
import { PopupStatus } from '@/components/PopupStatus';
import '@/components/pages.css';
import { readPageLang, writePageLang } from '@/lib/i18n/langSetting';
import type { Lang } from '@/lib/core/vocabulary';
import { TAB_OPEN_PANEL } from '@/lib/messages/channels';
import type { TabStatus } from '@/lib/messages/protocol';
import { t } from '@/lib/i18n/pageMessages';
import { queryTabStatus, tabOf } from '@/lib/messages/tabStatus';
import { createClient } from '@/lib/messages/contract';
import type { PackSummary } from '@/lib/packs/origin';

const PORTAL_URL = 'https://service.most.gov.cn/';
const root = createRoot(document.getElementById('root')!);
const here = new URL(location.href);
let lang: Lang = 'zh';
let status: TabStatus | 'insecure' | null | undefined;
let failure: string | undefined;
let packs: PackSummary[] = [];
const fail = (error: unknown) => {
  failure = t(lang, 'actionFailed', { error: error instanceof Error ? error.message : String(error) });
  render();
};

const render = () =>
  root.render(
    <PopupStatus
      status={status}
      lang={lang}
      portalUrl={PORTAL_URL}
      failure={failure}
      packs={packs}
      onLang={(next) => {
        lang = next;
        render();
        void writePageLang(browser.storage.local, next);
      }}
      onOpenPanel={() =>
        void tabOf(browser, here)
          .then((tab) => tab && browser.tabs.sendMessage(tab, { type: TAB_OPEN_PANEL }))
          .then(() => window.close(), fail)
      }
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close(), fail)}
    />,
  );

render();
void readPageLang(browser.storage.local)
  .then((saved) => (lang = saved))
  .finally(render);
void queryTabStatus(browser, here).then((s) => {
  // A dormant tab answers "not recognised": the popup shows it as not a portal form.
  status = s === 'insecure' || s?.recognised ? s : null;
  render();
});
// Expired packs and stale feeds are flagged here too, not only on the options page.
void createClient((request) => browser.runtime.sendMessage(request))
  .call('getPacks', {})
  .then((active) => {
    packs = active.map((entry) => entry.summary);
    render();
  }, fail);
