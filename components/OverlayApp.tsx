import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { fieldLabel } from '@/lib/i18n/labels';
import { t } from '@/lib/i18n/messages';
import type { Call } from '@/lib/messages/contract';
import type { RemoteOverlay } from '@/lib/overlay/bridge';
import { downloadText, printHtml } from '@/lib/overlay/download';
import { listProfiles, reportFile, shareCodec } from '@/lib/overlay/requests';
import { profileToFields } from '@/lib/portal/fill';
import { overlayViewKeeper } from '@/lib/overlay/view';
import { assignOwner } from '@/lib/share/owners';
import { useMyName } from './share/useMyName';
import { LiveRegion } from './LiveRegion';
import { Panel } from './Panel';

export interface OverlayAppProps {
  /** The page side (content script) over the bridge: its state, and every action as a command */
  remote: RemoteOverlay;
  /** Requests to the background, made by this extension page itself (reports, share codes, profiles) */
  call: Call;
  /** The panel's own document (the extension frame): downloads and printing happen here, never in the portal's */
  doc: Document;
}

/** The panel in its extension frame: draws the page side's state and sends each action back as a command. */
export function OverlayApp({ remote, call, doc }: OverlayAppProps) {
  const state = useSyncExternalStore(remote.subscribe, remote.getState);
  const { mappable, run } = remote;
  const titles = useMemo(
    () =>
      new Map([
        ...mappable.map((f) => [f.path, f.title] as const),
        ['participants', '参与单位'],
        ['attachments', '附件'],
      ]),
    [mappable],
  );
  // Unchanged findings keep their view objects from post to post, so their rows in the panel are not redrawn; a post
  // that changes nothing the view is drawn from (a save acknowledged) keeps the whole view.
  const [viewOf] = useState(overlayViewKeeper);
  const { panel: view, markers } = viewOf(state, titles);
  const codec = useMemo(() => shareCodec(call), [call]);
  const [live, setLive] = useState('');
  const announced = useRef(new Set<string>());
  const [myName, setMyName] = useMyName();
  const [onlyMine, setOnlyMine] = useState(false);
  const [reminder, setReminder] = useState(false);
  const [shown, setShown] = useState<{ ruleId: string } | undefined>();
  const win = doc.defaultView!;
  // The frame is as wide as the page side made it (the page narrows by as much).
  const [width, setWidth] = useState(win.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(win.innerWidth);
    win.addEventListener('resize', onResize);
    return () => win.removeEventListener('resize', onResize);
  }, [win]);

  useEffect(
    () =>
      remote.onEvent((event) => {
        if (event.name === 'reminder') setReminder(true);
        else setShown({ ruleId: event.ruleId });
      }),
    [remote],
  );
  // A marker the user clicked: its finding is scrolled to and highlighted in the panel. Focus stays in the field the
  // marker points at — the user clicked to fix it, and a focus taken by the panel's frame would leave the page.
  useEffect(() => {
    if (!shown) return;
    const item = [...doc.querySelectorAll<HTMLElement>('.gc-finding')].find((li) => li.dataset.rule === shown.ruleId);
    item?.scrollIntoView({ block: 'center' });
  }, [shown, doc]);

  useEffect(() => {
    const fresh = markers.filter((m) => m.severity === 'error' && !announced.current.has(m.ruleId));
    announced.current = new Set(markers.filter((m) => m.severity === 'error').map((m) => m.ruleId));
    if (fresh.length) setLive(t(state.lang, 'liveNewErrors', { titles: fresh.map((m) => m.text).join('；') }));
  }, [markers, state.lang]);

  // The rows' callbacks stay the same from post to post (a new one would redraw every row).
  const by = myName.trim() || undefined;
  const onConfirm = useCallback(
    (ruleId: string, entry: { note?: string } | undefined) => void run('confirm', ruleId, entry && { ...entry, by }),
    [run, by],
  );
  const onDocumentReady = useCallback(
    (ruleId: string, ready: boolean) => void run('setDocumentReady', ruleId, ready, by),
    [run, by],
  );
  const onAcknowledge = useCallback(
    (ruleId: string, reason: string | undefined) => void run('acknowledge', ruleId, reason, by),
    [run, by],
  );
  const onFocusField = useCallback((paths: string[]) => void run('focusField', paths), [run]);
  const onAssign = useCallback(
    (ruleId: string, name: string) => void run('setChecklist', assignOwner(remote.getState().checklist, ruleId, name)),
    [run, remote],
  );

  const errorsLeft = view.counts.error + view.counts.warning;
  const label = (key: string) => titles.get(key) ?? key;
  const download = (name: string, text: string, type: string) => downloadText(doc, name, text, type);
  // The application crosses only now, for the report: the state posts of every keystroke leave it out.
  const report = async (format: 'html' | 'markdown') =>
    reportFile(call, { ...state, application: await run('application') }, remote.applicationId, format);

  return (
    <>
      <Panel
        view={view}
        highlighted={shown?.ruleId}
        saveState={{ saving: state.unsaved ?? 0, savedAt: state.lastSaved?.at }}
        directions={state.directions}
        chosenDirection={state.chosenDirection}
        onChooseDirection={(choice) => void run('chooseDirection', choice)}
        onConfirm={onConfirm}
        onDocumentReady={onDocumentReady}
        onAcknowledge={onAcknowledge}
        drafts={{
          restoreOffer: state.restoreOffer,
          fillResult: state.fillResult,
          held: Object.entries(state.held ?? {}).map(([key, v]) => ({ key, label: label(key), ...v })),
          saveError: state.saveError,
          saveProblem: state.saveProblem,
          notice: state.notice,
          fieldProblems: Object.entries(state.fieldProblems ?? {}).map(([key, message]) => ({
            key,
            label: label(key),
            message,
          })),
          extensionGone: state.extensionGone ? { unsaved: state.unsaved ?? 0 } : undefined,
          onRestore: () => void run('restore'),
          onDismissRestore: () => void run('dismissRestore'),
          onResolveConflict: (choice) => void run('resolveConflict', choice),
          onResolveField: (key, choice) => void run('resolveConflict', choice, [key]),
          onRetry: () => void run('retrySave'),
          onDismissNotice: () => void run('dismissNotice'),
        }}
        profiles={{
          load: () => listProfiles(call),
          onFill: (p) =>
            void run('fillFields', p.kind === 'leadUnit' ? profileToFields(p, 'leadUnit') : profileToFields(p, 'pi')),
        }}
        report={{
          onDownload: (format) => report(format).then((file) => file && download(file.name, file.text, file.type)),
          onPrint: () => report('html').then((file) => file && printHtml(doc.body, file.text)),
        }}
        mapping={{
          active: state.mapping.active,
          picked: state.mapping.picked,
          fields: mappable,
          mappedCount: state.mapping.patch.entries.length,
          onActivate: (active) => void run('setMappingActive', active),
          onAssign: (path) => void run('assignPicked', path),
          onExport: () =>
            download(
              `guidecheck-field-map-${state.mapping.patch.host.replace(/[^\w.-]/g, '_')}.json`,
              JSON.stringify(state.mapping.patch, null, 2),
              'application/json',
            ),
        }}
        share={{
          state,
          myName,
          fieldLabel: (key) => fieldLabel(key, state.lang, titles),
          fieldValues: () => run('fieldValues'),
          onApply: (checklist) => void run('setChecklist', checklist),
          onDownload: download,
          codec,
        }}
        owners={{
          names: state.checklist.owners,
          myName,
          onMyName: setMyName,
          onlyMine,
          onOnlyMine: setOnlyMine,
          onAssign,
        }}
        onToggleLang={() => void run('setLang', state.lang === 'zh' ? 'en' : 'zh')}
        onToggleDock={() => void run('setDock', state.dock === 'right' ? 'left' : 'right')}
        onToggleCollapsed={() => void run('setCollapsed', !state.collapsed)}
        onFocusField={onFocusField}
        width={width}
        reminder={reminder && errorsLeft > 0}
        onDismissReminder={() => setReminder(false)}
      />
      <LiveRegion message={live} />
    </>
  );
}
