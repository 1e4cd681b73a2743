import { createAutosaveHub } from '@/lib/autosave/hub';
import { getDraft, saveDraft } from '@/lib/drafts/store';
import { openDraftDb } from '@/lib/drafts/db';
import { AUTOSAVE_PORT } from '@/lib/messages/channels';
import { AutosaveMessage, type AutosaveReply } from '@/lib/messages/protocol';
import { createRouter } from '@/lib/messages/router';
import { loadBuiltInPacks } from '@/lib/packs/builtIn';

export default defineBackground(() => {
  const db = openDraftDb();
  const packs = loadBuiltInPacks();
  const ports = new Map<string, ReturnType<typeof browser.runtime.connect>>();

  const hub = createAutosaveHub({
    save: async (batch) => {
      const result = await saveDraft(db, batch);
      return result.ok ? { ok: true, revision: result.draft.revision } : { ok: false, error: 'conflict' in result ? 'conflict' : result.error };
    },
    reply: (portId, message: AutosaveReply) => ports.get(portId)?.postMessage(message),
  });

  const route = createRouter(browser.runtime.id, {
    getPacks: async () => packs,
    saveDraft: async (request) => {
      const { type: _type, ...input } = request;
      return saveDraft(db, input);
    },
    getDraft: async (request) => (await getDraft(db, request.key)) ?? null,
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  let nextPort = 0;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== AUTOSAVE_PORT || port.sender?.id !== browser.runtime.id) return port.disconnect();
    const portId = String(nextPort++);
    ports.set(portId, port);
    port.onMessage.addListener((message) => {
      const parsed = AutosaveMessage.safeParse(message);
      if (parsed.success) void hub.receive(portId, parsed.data);
      else console.warn('GuideCheck: refused a malformed autosave message', parsed.error.issues);
    });
    port.onDisconnect.addListener(() => ports.delete(portId));
  });
});
