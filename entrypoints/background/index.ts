import '@/lib/core/zodJitless';
import { createAutosaveHub, type SaveBatch } from '@/lib/autosave/hub';
import { createChangeNotice } from '@/lib/messages/changeNotice';
import { applyFieldLimits } from '@/lib/autosave/limits';
import { reinjectContentScripts } from '@/lib/autosave/reinject';
import { createDraftSaver } from '@/lib/autosave/saver';
import { getDraft, listDrafts, saveDraft } from '@/lib/drafts/store';
import { createFeedManager } from '@/lib/feed/extension/manager';
import { scheduleChecks } from '@/lib/feed/extension/schedule';
import { checkDatabase, NEWER_DATABASE, openDraftDb } from '@/lib/drafts/db';
import { allowProfileOn, listProfiles, profilesFor } from '@/lib/drafts/profiles';
import { draftRequestHandlers } from '@/lib/drafts/requests';
import { AUTOSAVE_PORT, DRAFTS_CHANGED } from '@/lib/messages/channels';
import { AutosaveHello, AutosaveMessage, type AutosaveReply } from '@/lib/messages/protocol';
import { classifySender, createRouter, draftOfOrigin, portalMatcher, type SenderPolicy } from '@/lib/messages/router';
import { Application } from '@/lib/application/model';
import { BUNDLED_PACKS_FILE, fetchBuiltInPacks } from '@/lib/packs/bundledFile';
import { layersFor, summarizePack } from '@/lib/packs/origin';
import bundledIndex from 'virtual:guidecheck/bundled-index';
import { reportFile } from '@/lib/report/file';
import { Share } from '@/lib/share/model';
import { shareSummaryMarkdown } from '@/lib/share/summary';
import { parsePack } from '@/lib/packs/parsePack';
import type { RulePack } from '@/lib/packs/schema';
import { bundledFieldMap } from '@/lib/portal/bundledFieldMap';

export default defineBackground(() => {
  const db = openDraftDb();
  // The browser session's memory, never the disk: changes not yet committed and the feed packs verified survive a
  // worker restart here.
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  // Read once the first answer is out (the index comes from their outlines, in this script); again if that failed.
  let bundledPacks: Promise<RulePack[]> | undefined;
  const bundled = () =>
    (bundledPacks ??= fetchBuiltInPacks(`${browser.runtime.getURL('/')}${BUNDLED_PACKS_FILE}`).catch((error) => {
      bundledPacks = undefined;
      throw error;
    }));
  // Rule updates: packs from subscribed/policy feeds, verified again at the first start of a browser session (a
  // restart trusts what the session verified, if unchanged), checked on install, start and every 4 h.
  const feeds = createFeedManager({
    browser,
    fetch: (url, init) => fetch(url, init),
    bundled,
    bundledIndex,
    validatePack: parsePack,
    drafts: async () => listDrafts(await drafts()),
    fieldMap: bundledFieldMap,
    session: session && { area: session, version: browser.runtime.getManifest().version },
  });
  /**
   * Start-up work no answer waits for, run once the first message is answered (a worker woken by a request answers
   * it first) or a second after start when none comes.
   */
  let startUp: (() => void) | undefined = () => {
    bundled().catch((error) => console.error('GuideCheck: the bundled rules could not be read', error));
    void feeds.reverifyAll();
  };
  const afterFirstAnswer = () => {
    const run = startUp;
    startUp = undefined;
    run?.();
  };
  setTimeout(afterFirstAnswer, 1000);
  void scheduleChecks(
    browser,
    () => void feeds.checkAll().catch((e) => console.error('GuideCheck: feed check failed', e)),
  );
  // Chrome leaves open portal tabs with the old, dead content script after an update or reload: run the new one
  // there, so it takes the unsaved changes over (Firefox does this itself).
  if (import.meta.env.BROWSER !== 'firefox')
    browser.runtime.onInstalled.addListener(
      () =>
        void reinjectContentScripts({
          contentScripts: () => browser.runtime.getManifest().content_scripts ?? [],
          tabsMatching: (matches) => browser.tabs.query({ url: matches }),
          // the manifest's own built script paths
          inject: (target, files) => browser.scripting.executeScript({ target, files: files as ScriptPublicPath[] }),
        }),
    );
  const ports = new Map<string, ReturnType<typeof browser.runtime.connect>>();

  /**
   * The drafts' saver, started on first use: it checks and opens the database and reads the drafts' copy in
   * storage.local, none of which a worker woken to answer for the rules should wait behind.
   */
  let started: ReturnType<typeof createDraftSaver> | undefined;
  const startSaver = () =>
    (started ??= createDraftSaver({
      db,
      check: () => checkDatabase('guidecheck'),
      mirror: {
        getAll: () => browser.storage.local.get(null),
        set: (items) => browser.storage.local.set(items),
        remove: (keys) => browser.storage.local.remove(keys),
      },
      estimate: () => navigator.storage.estimate(),
    }));
  const saver: Pick<ReturnType<typeof createDraftSaver>, 'save' | 'noticesFor'> = {
    save: (batch) => startSaver().save(batch),
    noticesFor: (key) => startSaver().noticesFor(key),
  };
  /** The drafts database, once checked: never opened (so never changed) when a newer GuideCheck wrote it. */
  const drafts = async () => {
    const notices = await saver.noticesFor('');
    if (notices.blocked) throw new Error(`${notices.blocked.zh} / ${notices.blocked.en}`);
    return db;
  };
  const PENDING = 'autosave:pending';
  const changed = createChangeNotice(
    () => void browser.runtime.sendMessage({ type: DRAFTS_CHANGED }).catch(() => undefined),
  );
  const hub = createAutosaveHub({
    save: async (batch) => {
      const outcome = await saver.save(batch);
      changed();
      return outcome;
    },
    reply: (portId, message: AutosaveReply) => ports.get(portId)?.postMessage(message),
    persist: session && {
      load: async () => ((await session.get(PENDING))[PENDING] as SaveBatch[] | undefined) ?? [],
      store: (batches) => session.set({ [PENDING]: batches }),
    },
  });

  // Senders: our pages, and our content script only on the pages the manifest runs it on.
  const policy: SenderPolicy = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    isPortal: portalMatcher((browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? [])),
  };

  /**
   * The share codec (its schemas, and fflate, whose tables take ~9 ms to build) is evaluated on first use, not on the
   * worker's way to its first answer. A service worker may not import(): the build inlines this module behind a lazy
   * initialiser (no import() in the output; test/e2e/manifest.e2e.ts checks).
   */
  const shareCode = () => import('@/lib/share/code');

  const route = createRouter(policy, {
    getPacks: () => feeds.indexInUse(),
    getPack: async ({ id }) => {
      const inUse = (await feeds.packsInUse()).packs.find((p) => p.pack.id === id);
      if (!inUse) throw new Error(`unknown pack ${id}`);
      const { pack, origin, sourceName, expired, stale, staleDays } = inUse;
      return { pack, origin, sourceName, expired, stale, staleDays };
    },
    saveDraft: async (request) => {
      const { type: _type, ...input } = request;
      const result = await saveDraft(await drafts(), input);
      changed();
      return result;
    },
    getDraft: async (request) => (await getDraft(await drafts(), request.key)) ?? null,
    listProfiles: async (_request, sender) => {
      const profiles = await listProfiles(await drafts());
      const site = sender.role === 'content' ? sender.origin : sender.tabOrigin;
      // The options page (no portal tab) manages them all; a portal page sees only those allowed on its site.
      return sender.role === 'extension' && !site ? profiles : profilesFor(profiles, site ?? '');
    },
    'profiles:allowHere': async ({ id }, sender) => {
      if (sender.role !== 'extension' || !sender.tabOrigin) throw new Error('only the panel of a portal tab');
      return allowProfileOn(await drafts(), id, sender.tabOrigin);
    },
    'share:encode': async ({ share, lang }) => {
      const parsed = Share.safeParse(share);
      if (!parsed.success) throw new Error(`invalid share: ${parsed.error.issues[0]?.message}`);
      const active = (await feeds.packsInUse()).packs.map((p) => p.pack);
      const pack = active.find((p) => p.id === parsed.data.packId);
      const layers = pack ? layersFor(pack, parsed.data.direction, active) : [];
      return {
        code: (await shareCode()).encodeShareCode(parsed.data),
        file: (await shareCode()).shareToFile(parsed.data),
        summary: shareSummaryMarkdown(parsed.data, pack, lang, layers),
      };
    },
    'share:decode': async ({ text }) => (await shareCode()).readShareText(text),
    'report:build': async ({ type: _type, packId, application, findings, ...request }) => {
      const active = (await feeds.packsInUse()).packs;
      const pack = active.find((p) => p.pack.id === packId)?.pack;
      if (!pack) throw new Error(`unknown pack ${packId}`);
      const app = Application.safeParse(application);
      return (
        reportFile({
          ...request,
          pack,
          layers: layersFor(
            pack,
            request.direction,
            active.map((p) => p.pack),
          ),
          packs: active.map(summarizePack),
          findings,
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
    ...draftRequestHandlers(drafts, changed),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender).finally(afterFirstAnswer));

  let nextPort = 0;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== AUTOSAVE_PORT) return port.disconnect();
    const role = port.sender && classifySender(port.sender, policy);
    if (!role || 'refused' in role) {
      console.warn('GuideCheck: refused an autosave port', role?.refused);
      return port.disconnect();
    }
    const portId = String(nextPort++);
    ports.set(portId, port);
    port.onMessage.addListener((message) => {
      /** A content script saves (and hears of) only drafts of its own site: scheme + host from the browser. */
      const foreign = (key: string, host?: string) =>
        role.role === 'content' &&
        (!draftOfOrigin(key, role.origin) || (host !== undefined && host !== new URL(role.origin).host));
      const refuseForeign = (key: string) => {
        console.warn(`GuideCheck: refused an autosave of ${key} from ${role.role === 'content' ? role.origin : ''}`);
        port.postMessage({
          type: 'saveFailed',
          key,
          error: 'forbidden: another site’s draft',
          reason: 'invalid',
          message: {
            zh: '自动保存被拒绝：该草稿不属于本网站。',
            en: 'Autosave refused: this draft belongs to another site.',
          },
        } satisfies AutosaveReply);
      };
      const hello = AutosaveHello.safeParse(message);
      if (hello.success) {
        const { key, writer } = hello.data;
        if (foreign(key)) return refuseForeign(key);
        hub.hello(portId, key, writer);
        void saver.noticesFor(key).then(({ blocked, recovered }) => {
          if (blocked)
            port.postMessage({
              type: 'saveFailed',
              key,
              error: NEWER_DATABASE.en,
              reason: 'newerDatabase',
              message: blocked,
            } satisfies AutosaveReply);
          if (recovered) port.postMessage({ type: 'notice', key, message: recovered } satisfies AutosaveReply);
        });
        return;
      }
      // Size limits field by field first: one over-long value must not cost the other fields their save.
      const { message: limited, fieldProblems } = applyFieldLimits(message);
      const parsed = AutosaveMessage.safeParse(limited);
      if (!parsed.success) {
        console.warn('GuideCheck: refused a malformed autosave message', parsed.error.issues);
        const key = (message as { key?: unknown } | null)?.key;
        // The tab keeps the values and is told in words; it would otherwise wait for an acknowledgement forever.
        if (typeof key === 'string' && !foreign(key))
          port.postMessage({
            type: 'saveFailed',
            key,
            error: 'invalid',
            reason: 'invalid',
            message: {
              zh: `自动保存被拒绝：消息格式不符（${parsed.error.issues[0]?.path.join('.') || '消息'}）。本页内容仍在，请刷新页面后重试。`,
              en: `Autosave refused a malformed message (${parsed.error.issues[0]?.path.join('.') || 'message'}). Your input is still on the page; reload it and try again.`,
            },
          } satisfies AutosaveReply);
        return;
      }
      const { key, host } = parsed.data;
      if (foreign(key, host)) return refuseForeign(key);
      if (Object.keys(fieldProblems).length)
        port.postMessage({ type: 'fieldProblems', key, problems: fieldProblems } satisfies AutosaveReply);
      void hub.receive(portId, parsed.data);
    });
    port.onDisconnect.addListener(() => {
      ports.delete(portId);
      hub.disconnect(portId);
    });
  });
});
