import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { fieldLabel } from '@/lib/i18n/labels';
import { t } from '@/lib/i18n/messages';
import type { OverlayController } from '@/lib/overlay/controller';
import { type PlacedMarker, focusControl, placeMarkers } from '@/lib/overlay/markers';
import { downloadText, printHtml } from '@/lib/overlay/download';
import { profileToFields } from '@/lib/portal/fill';
import { RAIL_WIDTH, insetPage, isSubmitControl, panelWidth } from '@/lib/overlay/pageInset';
import { toOverlayView } from '@/lib/overlay/view';
import { assignOwner } from '@/lib/share/owners';
import { useMyName } from './share/useMyName';
import { FieldMarkers } from './FieldMarkers';
import { LiveRegion } from './LiveRegion';
import { Panel } from './Panel';

/** Connects the controller to the panel, the field markers and the live region. */
export function OverlayApp({ controller, win, layer }: { controller: OverlayController; win: Window; layer: Element }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const mappable = useMemo(() => controller.mappableFields(), [controller]);
  const titles = useMemo(
    () =>
      new Map([
        ...mappable.map((f) => [f.path, f.title] as const),
        ['participants', '参与单位'],
        ['attachments', '附件'],
      ]),
    [mappable],
  );
  const { panel: view, markers } = useMemo(() => toOverlayView(state, titles), [state, titles]);
  const [placed, setPlaced] = useState<PlacedMarker[]>([]);
  const [live, setLive] = useState('');
  const announced = useRef(new Set<string>());
  const [myName, setMyName] = useMyName();
  const [onlyMine, setOnlyMine] = useState(false);
  const [reminder, setReminder] = useState(false);
  const { collapsed, dock } = state;

  // Beside the page, never over it: the page narrows by the panel's (or the rail's) width.
  const [width, setWidth] = useState(() => panelWidth(win.innerWidth));
  useEffect(() => {
    const onResize = () => setWidth(panelWidth(win.innerWidth));
    win.addEventListener('resize', onResize);
    return () => win.removeEventListener('resize', onResize);
  }, [win]);
  useEffect(() => insetPage(win.document, dock, collapsed ? RAIL_WIDTH : width), [win, dock, collapsed, width]);

  // A click on the portal's own 提交/保存 with errors or warnings left: remind, and open the panel on them.
  const errorsLeft = view.counts.error + view.counts.warning;
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (!e.isTrusted || errorsLeft === 0 || !isSubmitControl(e.target)) return;
      setReminder(true);
      controller.setCollapsed(false);
    };
    win.document.addEventListener('click', onClick, true);
    return () => win.document.removeEventListener('click', onClick, true);
  }, [win, controller, errorsLeft]);

  useEffect(() => {
    let frame = 0;
    const place = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPlaced(placeMarkers(markers, controller.controlFor, win)));
    };
    place();
    win.addEventListener('scroll', place, true);
    win.addEventListener('resize', place);
    return () => {
      cancelAnimationFrame(frame);
      win.removeEventListener('scroll', place, true);
      win.removeEventListener('resize', place);
    };
  }, [markers, controller, win]);

  useEffect(() => {
    const fresh = markers.filter((m) => m.severity === 'error' && !announced.current.has(m.ruleId));
    announced.current = new Set(markers.filter((m) => m.severity === 'error').map((m) => m.ruleId));
    if (fresh.length) setLive(t(state.lang, 'liveNewErrors', { titles: fresh.map((m) => m.text).join('；') }));
  }, [markers, state.lang]);

  const focusField = (paths: string[]) => {
    const control = paths.map(controller.controlFor).find((c) => c !== undefined);
    if (control) focusControl(control);
  };

  return (
    <>
      <FieldMarkers
        markers={placed}
        onActivate={(ruleId) => {
          const m = markers.find((x) => x.ruleId === ruleId);
          if (m) focusField(m.paths);
        }}
      />
      <Panel
        view={view}
        directions={state.directions}
        chosenDirection={state.chosenDirection}
        onChooseDirection={controller.chooseDirection}
        onConfirm={(ruleId, entry) => controller.confirm(ruleId, entry && { ...entry, by: myName.trim() || undefined })}
        onDocumentReady={(ruleId, ready) => controller.setDocumentReady(ruleId, ready, myName.trim() || undefined)}
        onAcknowledge={(ruleId, reason) => controller.acknowledge(ruleId, reason, myName.trim() || undefined)}
        drafts={{
          restoreOffer: state.restoreOffer,
          fillResult: state.fillResult,
          held: Object.entries(state.held ?? {}).map(([key, v]) => ({ key, label: controller.fieldLabel(key), ...v })),
          saveError: state.saveError,
          saveProblem: state.saveProblem,
          notice: state.notice,
          fieldProblems: Object.entries(state.fieldProblems ?? {}).map(([key, message]) => ({
            key,
            label: controller.fieldLabel(key),
            message,
          })),
          extensionGone: state.extensionGone ? { unsaved: state.unsaved ?? 0 } : undefined,
          onRestore: () => void controller.restore(),
          onDismissRestore: controller.dismissRestore,
          onResolveConflict: (choice) => void controller.resolveConflict(choice),
          onResolveField: (key, choice) => void controller.resolveConflict(choice, [key]),
          onRetry: controller.retrySave,
          onDismissNotice: controller.dismissNotice,
        }}
        profiles={{
          load: controller.listProfiles,
          onFill: (p) =>
            void controller.fillFields(
              p.kind === 'leadUnit' ? profileToFields(p, 'leadUnit') : profileToFields(p, 'pi'),
            ),
        }}
        report={{
          onDownload: (format) =>
            controller
              .reportFile(format)
              .then((file) => file && downloadText(win.document, file.name, file.text, file.type)),
          onPrint: () => controller.reportFile('html').then((file) => file && printHtml(layer, file.text)),
        }}
        mapping={{
          active: state.mapping.active,
          picked: state.mapping.picked,
          fields: mappable,
          mappedCount: state.mapping.patch.entries.length,
          onActivate: controller.setMappingActive,
          onAssign: (path) => void controller.assignPicked(path),
          onExport: () =>
            downloadText(
              win.document,
              `guidecheck-field-map-${state.mapping.patch.host.replace(/[^\w.-]/g, '_')}.json`,
              JSON.stringify(state.mapping.patch, null, 2),
              'application/json',
            ),
        }}
        share={{
          state,
          myName,
          fieldLabel: (key) => fieldLabel(key, state.lang, titles),
          fieldValues: controller.fieldValues,
          onApply: controller.setChecklist,
          onDownload: (name, text, type) => downloadText(win.document, name, text, type),
          codec: controller.shareCodec,
        }}
        owners={{
          names: state.checklist.owners,
          myName,
          onMyName: setMyName,
          onlyMine,
          onOnlyMine: setOnlyMine,
          onAssign: (ruleId, name) =>
            controller.setChecklist(assignOwner(controller.getState().checklist, ruleId, name)),
        }}
        onToggleLang={() => controller.setLang(state.lang === 'zh' ? 'en' : 'zh')}
        onToggleDock={() => controller.setDock(state.dock === 'right' ? 'left' : 'right')}
        onToggleCollapsed={() => controller.setCollapsed(!state.collapsed)}
        onFocusField={focusField}
        width={width}
        reminder={reminder && errorsLeft > 0}
        onDismissReminder={() => setReminder(false)}
      />
      <LiveRegion message={live} />
    </>
  );
}
