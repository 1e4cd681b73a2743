import { createRoot } from 'react-dom/client';
// Inlined: no stylesheet of ours for the page to load or fingerprint.
import overlayCss from '@/components/overlay.css?inline';
import { OverlayApp } from '@/components/OverlayApp';
import { AUTOSAVE_PORT, TAB_STATUS_REQUEST } from '@/lib/messages/channels';
import type { AutosaveReply, TabStatus } from '@/lib/messages/protocol';
import { type DraftChannel, type MappingStore, createOverlayController } from '@/lib/overlay/controller';
import type { FieldMapPatch } from '@/lib/portal/mapping';
import { countFindings } from '@/lib/engine/counts';
import { watchForApplicationForm } from '@/lib/overlay/activation';
import { mountLayer } from '@/lib/overlay/layer';
import { onExtensionGone } from '@/lib/overlay/lifetime';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Validated against the zod schema by test/unit/portal/read.test.ts, so the content script needs no zod. */
const fieldMap = fieldMapJson as unknown as FieldMap;

/** A port to the background that reconnects after a service-worker restart. */
function autosaveChannel(): DraftChannel {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const handlers: ((m: AutosaveReply) => void)[] = [];
  const connect = () => {
    const p = browser.runtime.connect({ name: AUTOSAVE_PORT });
    p.onMessage.addListener((m) => {
      for (const h of handlers) h(m as AutosaveReply);
    });
    p.onDisconnect.addListener(() => {
      port = undefined;
    });
    return p;
  };
  return {
    post(message) {
      try {
        port ??= connect();
        port.postMessage(message);
      } catch {
        // The service worker restarted and the old port died before we heard: connect again and resend.
        port = connect();
        port.postMessage(message);
      }
    },
    onMessage: (fn) => void handlers.push(fn),
  };
}

/** Mapping patches live in the extension's storage, never the portal's. */
const mappings: MappingStore = {
  get: async (key) => (await browser.storage.local.get(key))[key] as FieldMapPatch | undefined,
  set: (key, patch) => browser.storage.local.set({ [key]: patch }),
};

export async function startGuideCheck(ctx: ContentScriptContext) {
  // Dormant until the page, or a frame, a late render or a route of it, shows an application form.
  const found = await new Promise<boolean>((resolve) => {
    const stop = watchForApplicationForm(document, fieldMap, () => resolve(true));
    onExtensionGone(
      ctx.onInvalidated.bind(ctx),
      () => browser.runtime?.id,
      () => {
        stop();
        resolve(false);
      },
    );
  });
  if (!found) return;
  const controller = createOverlayController({
    doc: document,
    fieldMap,
    send: (request) => browser.runtime.sendMessage(request),
    channel: autosaveChannel(),
    mappings,
  });
  const layer = mountLayer(document, { tag: 'guidecheck-overlay', css: overlayCss, mode: 'open' });
  const root = createRoot(layer.container);
  root.render(<OverlayApp controller={controller} win={window} layer={layer.container} />);
  void controller.start();
  // Answered with sendResponse: the browser's own API (no polyfill here) takes no promise from a listener.
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (status: TabStatus) => void) => {
      if ((message as { type?: string })?.type !== TAB_STATUS_REQUEST) return undefined;
      const s = controller.getState();
      const d = s.direction;
      const status: TabStatus = {
        recognised: true,
        direction: d && { packId: d.pack.id, code: d.direction.code, title: d.direction.title.zh },
        counts: countFindings(s.findings, s.checklist.acknowledgements),
        missingFields: s.missing,
      };
      sendResponse(status);
      return undefined;
    },
  );
  onExtensionGone(
    ctx.onInvalidated.bind(ctx),
    () => browser.runtime?.id,
    () => {
      controller.stop();
      root.unmount();
      layer.remove();
    },
  );
}
