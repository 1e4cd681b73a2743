import '@/lib/core/zodJitless';
import { createAutosaveHub } from '@/lib/autosave/hub';
import { getDraft, listDrafts, saveDraft } from '@/lib/drafts/store';
import type { FeedBrowser } from '@/lib/feed/extension/browserApi';
import { createFeedManager } from '@/lib/feed/extension/manager';
import { scheduleChecks } from '@/lib/feed/extension/schedule';
import { openDraftDb } from '@/lib/drafts/db';
import { allowProfileOn, listProfiles, profilesFor } from '@/lib/drafts/profiles';
import { AUTOSAVE_PORT } from '@/lib/messages/channels';
import { AutosaveMessage, type AutosaveReply } from '@/lib/messages/protocol';
import { classifySender, createRouter, draftOfOrigin, portalMatcher, type SenderPolicy } from '@/lib/messages/router';
import { Application } from '@/lib/application/model';
import type { Finding } from '@/lib/engine/finding';
import { loadBuiltInPacks } from '@/lib/packs/inExtension';
import { reportFile } from '@/lib/report/file';
import { encodeShareCode, readShareText, shareToFile } from '@/lib/share/code';
import { Share } from '@/lib/share/model';
import { shareSummaryMarkdown } from '@/lib/share/summary';
import { parsePack } from '@/lib/packs/parsePack';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

export default defineBackground(() => {
  const db = openDraftDb();
  // Rule updates: packs from subscribed/policy feeds, verified again now, checked on install, start and every 4 h.
  const feeds = createFeedManager({
    browser: browser as unknown as FeedBrowser,
    fetch: (url, init) => fetch(url, init),
    bundled: loadBuiltInPacks(),
    validatePack: parsePack,
    drafts: () => listDrafts(db),
    fieldMap: fieldMapJson as unknown as FieldMap,
  });
  void feeds.reverifyAll();
  void scheduleChecks(
    browser as unknown as FeedBrowser,
    () => void feeds.checkAll().catch((e) => console.error('GuideCheck: feed check failed', e)),
  );
  const ports = new Map<string, ReturnType<typeof browser.runtime.connect>>();

  const hub = createAutosaveHub({
    save: async (batch) => {
      const result = await saveDraft(db, batch);
      if (result.ok) return { ok: true, revision: result.draft.revision };
      if ('conflict' in result)
        return {
          ok: false,
          conflict: { revision: result.conflict.current.revision, fields: result.conflict.current.fields },
        };
      return { ok: false, error: result.error };
    },
    reply: (portId, message: AutosaveReply) => ports.get(portId)?.postMessage(message),
  });

  // Senders: our pages, and our content script only on the pages the manifest runs it on.
  const policy: SenderPolicy = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    isPortal: portalMatcher((browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? [])),
  };

  const route = createRouter(policy, {
    getPacks: async () => (await feeds.packsInUse()).packs.map((p) => p.pack),
    saveDraft: async (request) => {
      const { type: _type, ...input } = request;
      return saveDraft(db, input);
    },
    getDraft: async (request) => (await getDraft(db, request.key)) ?? null,
    listProfiles: async (_request, sender) => {
      const profiles = await listProfiles(db);
      const site = sender.role === 'content' ? sender.origin : sender.tabOrigin;
      // The options page (no portal tab) manages them all; a portal page sees only those allowed on its site.
      return sender.role === 'extension' && !site ? profiles : profilesFor(profiles, site ?? '');
    },
    'profiles:allowHere': async ({ id }, sender) => {
      if (sender.role !== 'extension' || !sender.tabOrigin) throw new Error('only the panel of a portal tab');
      return allowProfileOn(db, id, sender.tabOrigin);
    },
    'share:encode': async ({ share, lang }) => {
      const parsed = Share.safeParse(share);
      if (!parsed.success) throw new Error(`invalid share: ${parsed.error.issues[0]?.message}`);
      const pack = (await feeds.packsInUse()).packs.find((p) => p.pack.id === parsed.data.packId)?.pack;
      return {
        code: encodeShareCode(parsed.data),
        file: shareToFile(parsed.data),
        summary: shareSummaryMarkdown(parsed.data, pack, lang),
      };
    },
    'share:decode': async ({ text }) => readShareText(text),
    'report:build': async ({ type: _type, packId, application, findings, ...request }) => {
      const pack = (await feeds.packsInUse()).packs.find((p) => p.pack.id === packId)?.pack;
      if (!pack) throw new Error(`unknown pack ${packId}`);
      const app = Application.safeParse(application);
      return (
        reportFile({
          ...request,
          pack,
          findings: findings as unknown as Finding[],
          application: app.success ? app.data : undefined,
        }) ?? null
      );
    },
    'feeds:list': () => feeds.status(),
    'feeds:subscribe': async ({ type: _type, ...input }) => {
      await feeds.subscribe(input);
      await feeds.checkAll();
      return feeds.status();
    },
    'feeds:unsubscribe': async ({ url }) => {
      await feeds.unsubscribe(url);
      return feeds.status();
    },
    'feeds:checkNow': async () => {
      await feeds.checkAll();
      return feeds.status();
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  let nextPort = 0;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== AUTOSAVE_PORT) return port.disconnect();
    const portId = String(nextPort++);
    ports.set(portId, port);
    const role = port.sender && classifySender(port.sender, policy);
    if (!role || 'refused' in role) {
      console.warn('GuideCheck: refused an autosave port', role?.refused);
      return port.disconnect();
    }
    port.onMessage.addListener((message) => {
      const parsed = AutosaveMessage.safeParse(message);
      if (!parsed.success) return console.warn('GuideCheck: refused a malformed autosave message', parsed.error.issues);
      // A content script saves only drafts of its own site: scheme + host from the browser, never from the message.
      const { key, host } = parsed.data;
      if (role.role === 'content' && (!draftOfOrigin(key, role.origin) || host !== new URL(role.origin).host)) {
        console.warn(`GuideCheck: refused an autosave of ${key} from ${role.origin}`);
        return port.postMessage({
          type: 'saveFailed',
          key,
          error: 'forbidden: another site’s draft',
        } satisfies AutosaveReply);
      }
      void hub.receive(portId, parsed.data);
    });
    port.onDisconnect.addListener(() => ports.delete(portId));
  });
});
