import { countFindings } from '../engine/counts';
import { t } from '../i18n/pageSideMessages';
import type { PanelMode } from '../messages/protocol';
import { type PanelServer, servePanel } from './bridge';
import type { OverlayController } from './controller';
import { panelHidden } from './coverage';
import { FALLBACK_CSS, type FallbackPanel, createFallbackPanel } from './fallbackPanel';
import { mountLayer } from './layer';
import { MARKER_CSS, createMarkerLayer } from './markerLayer';
import { focusControl, placeMarkers } from './markers';
import { RAIL_WIDTH, insetPage, isSubmitControl, panelWidth } from './pageInset';
import { mountPanelFrame } from './panelFrame';
import { toMarkers } from './view';

export interface ShownOverlay {
  hide(): void;
  /** How the panel is shown now; 'blocked' when the page has taken our layer out or covers the panel */
  mode(): PanelMode;
}

/**
 * What the content script shows on the portal page: one closed layer holding the panel's extension frame and the
 * markers. The page narrows beside the frame (or its rail); the panel's commands run here, against the page. A frame
 * that does not answer is replaced by the reduced panel (fallbackPanel.ts) until it does.
 */
export function showOverlay(win: Window, controller: OverlayController, panelUrl: string): ShownOverlay {
  const doc = win.document;
  const layer = mountLayer(doc, { tag: 'guidecheck-overlay', css: MARKER_CSS + FALLBACK_CSS, mode: 'closed' });
  let server: PanelServer | undefined;
  let fallback: FallbackPanel | undefined;

  const focusField = (paths: string[]) => {
    const control = paths.map(controller.controlFor).find((c) => c !== undefined);
    if (control) focusControl(control);
  };
  const markers = createMarkerLayer(layer.container, (ruleId) => {
    const marker = toMarkers(controller.getState()).find((m) => m.ruleId === ruleId);
    if (marker) focusField(marker.paths);
    controller.setCollapsed(false);
    server?.notify({ name: 'show', ruleId });
  });
  const panel = mountPanelFrame(doc, {
    layer,
    pageUrl: panelUrl,
    onPort(port) {
      server?.stop();
      server = servePanel(
        port,
        {
          getState: controller.getState,
          subscribe: controller.subscribe,
          mappable: controller.mappableFields(),
          applicationId: controller.applicationId,
          actions: { ...controller, focusField },
        },
        'frame',
      );
    },
    onMode(mode) {
      if (mode === 'frame') fallback?.remove();
      fallback = mode === 'frame' ? undefined : (fallback ?? createFallbackPanel(layer.container, controller));
      layout = '';
      onState();
    },
  });

  // Beside the page, never over it: the page narrows by the panel's (or the rail's) width.
  let layout = '';
  let undoInset = () => {};
  // Read at start and on resize only: reading innerWidth lays the page out, and place() runs at every state change,
  // before the panel is told of it (a forced layout of a 2,000-control form in each keystroke's path).
  let viewportWidth = win.innerWidth;
  const place = () => {
    const { collapsed, dock } = controller.getState();
    const width = collapsed ? RAIL_WIDTH : panelWidth(viewportWidth);
    fallback?.draw(dock, width);
    if (layout === `${dock}:${width}`) return;
    layout = `${dock}:${width}`;
    panel.place(dock, fallback ? 0 : width);
    undoInset();
    undoInset = insetPage(doc, dock, width);
  };

  let frame = 0;
  const drawMarkers = () => {
    win.cancelAnimationFrame(frame);
    frame = win.requestAnimationFrame(() =>
      markers.draw(placeMarkers(toMarkers(controller.getState()), controller.controlFor, win)),
    );
  };

  // The extension is gone: its frame goes with it, so the page side says what the panel would have said.
  let goneNotice: HTMLElement | undefined;
  const sayGone = () => {
    const s = controller.getState();
    if (!s.extensionGone || goneNotice) return;
    goneNotice = doc.createElement('p');
    goneNotice.style.cssText =
      'position:fixed;top:0;right:0;width:300px;margin:0;padding:12px;background:#fff4e5;color:#7c2d12;' +
      'font:13px/1.5 sans-serif;border:1px solid #d97706;z-index:2147483002';
    goneNotice.textContent = t(s.lang, 'extensionGone', { count: s.unsaved ?? 0 });
    layer.container.append(goneNotice);
  };

  const onState = () => {
    place();
    drawMarkers();
    sayGone();
  };
  const onResize = () => {
    viewportWidth = win.innerWidth;
    place();
    drawMarkers();
  };
  // A click on the portal's own 提交/保存 with errors or warnings left: remind, and open the panel on them.
  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted || !isSubmitControl(e.target)) return;
    const s = controller.getState();
    const counts = countFindings(s.findings, s.checklist.acknowledgements);
    if (counts.error + counts.warning === 0) return;
    controller.setCollapsed(false);
    server?.notify({ name: 'reminder' });
  };
  const unsubscribe = controller.subscribe(onState);
  win.addEventListener('scroll', drawMarkers, true);
  win.addEventListener('resize', onResize);
  doc.addEventListener('click', onClick, true);
  onState();
  // The page can cover our layer (a higher element) or keep taking it out: then the popup says the panel is blocked.
  const hidden = () => panelHidden(doc, (fallback?.box ?? panel.frame).getBoundingClientRect(), layer.host);
  return {
    mode: () => (hidden() ? 'blocked' : fallback ? 'fallback' : 'frame'),
    hide() {
      unsubscribe();
      server?.stop();
      win.removeEventListener('scroll', drawMarkers, true);
      win.removeEventListener('resize', onResize);
      doc.removeEventListener('click', onClick, true);
      undoInset();
      panel.remove();
    },
  };
}
