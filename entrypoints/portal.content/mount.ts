import { AUTOSAVE_PORT, TAB_OPEN_PANEL, TAB_STATUS_REQUEST } from '@/lib/messages/channels';
import type { TabStatus } from '@/lib/messages/protocol';
import { collectUnsaved, offerUnsaved } from '@/lib/autosave/handover';
import { portChannel, retryingSend } from '@/lib/autosave/portChannel';
import { type MappingStore, createOverlayController } from '@/lib/overlay/controller';
import type { FieldMapPatch } from '@/lib/portal/mapping';
import { countFindings } from '@/lib/engine/counts';
import { watchForApplicationForm } from '@/lib/overlay/activation';
import { showOverlay } from '@/lib/overlay/pageSide';
import { onExtensionGone } from '@/lib/overlay/lifetime';
import { bundledFieldMap as fieldMap } from '@/lib/portal/bundledFieldMap';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Mapping patches live in the extension's storage, never the portal's. */
const mappings: MappingStore = {
  get: async (key) => (await browser.storage.local.get(key))[key] as FieldMapPatch | undefined,
  set: (key, patch) => browser.storage.local.set({ [key]: patch }),
};

/** Set in this extension instance's isolated world (the page cannot see or set it; a new instance gets a new world). */
const RUNNING = Symbol.for('guidecheck.running');

export async function startGuideCheck(ctx: ContentScriptContext) {
  // The background runs the script in open tabs after an install or update (reinject.ts); a page that loaded it
  // from the manifest meanwhile already has this instance's copy: one is enough.
  const world = globalThis as { [RUNNING]?: boolean };
  if (world[RUNNING]) return;
  world[RUNNING] = true;
  let controller: ReturnType<typeof createOverlayController> | undefined;
  let shown: ReturnType<typeof showOverlay> | undefined;
  // Answered with sendResponse: the browser's own API (no polyfill here) takes no promise from a listener.
  // A dormant page answers too (not recognised), so the popup and tests can tell "looked, no form" from "not yet".
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (status: TabStatus) => void) => {
      const type = (message as { type?: string })?.type;
      if (type === TAB_OPEN_PANEL) controller?.setCollapsed(false);
      if (type !== TAB_STATUS_REQUEST) return undefined;
      if (!controller) {
        sendResponse({ recognised: false, counts: countFindings([], {}), missingFields: [] });
        return undefined;
      }
      const s = controller.getState();
      const d = s.direction;
      sendResponse({
        recognised: true,
        direction: d && { packId: d.pack.id, code: d.direction.code, title: d.direction.title.zh },
        counts: countFindings(s.findings, s.checklist.acknowledgements),
        missingFields: s.missing,
        panel: shown?.mode(),
      });
      return undefined;
    },
  );
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
  // The extension updated or reloaded under this page: say so; unsaved changes stay in this script's memory.
  let onDead = () => {};
  const channel = portChannel(
    () => browser.runtime.connect({ name: AUTOSAVE_PORT }),
    () => onDead(),
  );
  const overlay = createOverlayController({
    doc: document,
    fieldMap,
    // Chrome may stop the worker while it answers: such requests are asked again.
    send: retryingSend((request) => browser.runtime.sendMessage(request)),
    channel,
    mappings,
  });
  controller = overlay;
  onDead = () => {
    if (!overlay.getState().extensionGone) overlay.extensionGone();
  };
  // An old script left dead in this page by an update hands its unsaved changes to this one, then retires.
  const handedOver = collectUnsaved(document, overlay.draftKey);
  shown = showOverlay(window, overlay, browser.runtime.getURL('/panel.html'));
  // This script's turn to hand over, when a newer one starts in this page after an update: only once it is dead.
  offerUnsaved(document, overlay.draftKey, () => {
    if (browser.runtime?.id !== undefined) return undefined;
    const keys = overlay.unsavedKeys();
    overlay.stop();
    shown?.hide();
    return keys;
  });
  void overlay.start();
  // Saved as soon as the draft is read, without waiting for the rules.
  overlay.adoptUnsaved(handedOver);
  // The extension is gone (updated, reloaded): the panel stays to say so, and unsaved changes stay for a successor.
  // A forged "content script started" event from the page is not that (lifetime.ts).
  onExtensionGone(
    ctx.onInvalidated.bind(ctx),
    () => browser.runtime?.id,
    () => onDead(),
  );
}
