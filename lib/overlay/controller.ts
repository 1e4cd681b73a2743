import type { RulePack } from '../packs/schema';
import { applicationIdOf } from '../portal/detect';
import { fillForm } from '../portal/fill';
import {
  type Control,
  type PageChanges,
  type PageMap,
  changedPaths,
  controlsIn,
  controlsUnder,
  createLocator,
  documentsOf,
  lostFields,
  shownDocument,
} from '../portal/locate';
import { type FieldMapPatch, applyPatch, emptyPatch } from '../portal/mapping';
import type { FieldMap } from '../portal/fieldMapSchema';
import { isLive } from '../portal/live';
import { readControlValues, readControlsValues, readRawValues } from '../portal/read';
import { LABELS_KEY } from '../portal/controlKey';
import { type PackSet, SECTIONS_KEY, UNITS_KEY, createAssembly, yuanFields } from './assembly';
import { type DraftChannel, createDraftSync, restorableFields } from './draftSync';
import { CallError, createClient, type Transport } from '../messages/contract';
import { controlFor, controlsAt } from './fieldControls';
import { type MappingStore, createMappingMode } from './mappingMode';
import { createPageWatcher } from './pageWatcher';
import { createRestoreFlow } from './restoreFlow';
import { IDLE_SWEEP_CONTROLS, SWEEP_INTERVAL_MS, createValueSweep, locatedControls } from './valueSweep';
import { listProfiles, reportFile, shareCodec } from './requests';
import { type OverlayState, initialState } from './state';
import { type Checklist, draftKey as draftKeyOf, type Lang } from '../core/vocabulary';
import { fieldLabel } from '../i18n/labels';

export type { DraftChannel } from './draftSync';
export type { MappingStore } from './mappingMode';
export type { OverlayState, ProfileChoice } from './state';

/**
 * The overlay's state machine, composed of the page watcher (which controls and frames changed), the application
 * assembly (what the rules read, their findings), the draft sync (autosave) and mapping mode. Takes the document and
 * a `send` function so it runs (and is tested) without a browser.
 */

export interface ControllerOptions {
  doc: Document;
  fieldMap: FieldMap;
  /** runtime.sendMessage, or a test's stand-in: every request goes through the typed client over it */
  send: Transport;
  channel: DraftChannel;
  mappings: MappingStore;
}

export function createOverlayController({ doc, fieldMap: baseFieldMap, send, channel, mappings }: ControllerOptions) {
  const { call } = createClient(send);
  const host = doc.location?.host ?? '';
  const form = doc.location?.pathname ?? '';
  let fieldMap = baseFieldMap;
  let state: OverlayState = initialState(emptyPatch(baseFieldMap.id, host, form));
  const listeners = new Set<() => void>();
  /** The packs in use: all outlined (getPacks), whole only those a direction on the page needed (getPack) */
  const whole = new Map<string, RulePack>();
  const packs: PackSet = { outlines: [], whole: (id) => whole.get(id) };
  /** Whole packs being fetched, and the fetch (for start() to wait on) */
  const fetching = new Set<string>();
  let fetched: Promise<void> = Promise.resolve();
  let locator = createLocator(doc, fieldMap);
  let map: PageMap = locator.locate();
  const applicationId = applicationIdOf(doc, fieldMap);
  const draftKey = draftKeyOf(doc.location?.origin ?? '', applicationId);

  /**
   * While a page event is handled, state changes are told to the listeners (the panel) once, at its end, and the
   * draft's changes are posted right after that, in the same task: the panel's update does not wait behind the
   * save's message, and the worker's work on the save does not start before the panel has heard.
   */
  let batching = 0;
  let told = true;
  const outbox: Parameters<DraftChannel['post']>[0][] = [];
  function setState(patch: Partial<OverlayState>) {
    state = { ...state, ...patch };
    told = false;
    if (batching === 0) tell();
  }
  function tell() {
    told = true;
    for (const l of listeners) l();
  }
  function batched<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      batching++;
      try {
        fn(...args);
      } finally {
        batching--;
        if (batching === 0) {
          try {
            if (!told) tell();
          } finally {
            for (const message of outbox.splice(0)) channel.post(message);
          }
        }
      }
    };
  }
  const draftChannel: DraftChannel = {
    post(message) {
      if (batching > 0) outbox.push(message);
      else channel.post(message);
    },
    onMessage: (fn) => channel.onMessage(fn),
    onReconnect: (fn) => channel.onReconnect(fn),
  };

  const assembly = createAssembly();
  /** Every field this session located, with its last controls: to tell which ones the page's layout lost */
  const seen = new Map<string, Control[]>();
  /** Locates the fields again: only where `changes` says the page changed, else the whole page. */
  const relocate = (changes?: PageChanges) => {
    map = locator.locate(changes);
    for (const f of map.fields) seen.set(f.spec.path, f.controls);
    const lost = lostFields(seen, map);
    if (lost.join() !== state.lostTrack.join()) setState({ lostTrack: lost });
    return map;
  };
  const allControls = () => documentsOf(doc).flatMap((d) => controlsIn(d));
  /** The page's values as the draft keeps them, with the heading each located field sits under (kept across pages) */
  const readValues = () => withBookkeeping((labels) => readRawValues(map, allControls(), labels));
  /**
   * Values read by `read` (which notes the printed labels of unlocated controls) and the draft's own entries: the
   * heading of each located field, those labels, the amount fields in 元.
   */
  const withBookkeeping = (read: (labels: Record<string, string>) => Record<string, string>) => {
    let sections: Record<string, string> = {};
    let labels: Record<string, string> = {};
    try {
      sections = JSON.parse(sync.known()[SECTIONS_KEY] ?? '{}');
      labels = JSON.parse(sync.known()[LABELS_KEY] ?? '{}');
    } catch {
      // a damaged entry is rebuilt from what the pages show
    }
    const values = read(labels);
    for (const f of map.fields) if (f.section) sections[f.spec.path] = f.section;
    if (Object.keys(sections).length) values[SECTIONS_KEY] = JSON.stringify(sections);
    // The printed labels of the page's controls the field map does not know, so the options page names them.
    if (Object.values(labels).some(Boolean)) values[LABELS_KEY] = JSON.stringify(labels);
    // Amount fields in 元 on any page of the application: this page's located amount fields say theirs.
    const units = new Set((sync.known()[UNITS_KEY] ?? '').split(',').filter(Boolean));
    for (const f of map.fields) if (f.spec.type === 'amount') units.delete(f.spec.path);
    for (const path of yuanFields(map)) units.add(path);
    if (units.size) values[UNITS_KEY] = [...units].join(',');
    return values;
  };

  const sync = createDraftSync({
    channel: draftChannel,
    call,
    identity: () => ({
      key: draftKey,
      host,
      applicationId,
      title: state.application?.project.nameZh,
      guideline: state.direction?.pack.id,
      direction: state.direction?.direction.code,
    }),
    read: readValues,
    onState: setState,
  });

  const restoring = createRestoreFlow({
    fill,
    readValues,
    sync,
    getState: () => state,
    setState,
    refresh: () => refresh(),
  });

  const mapping = createMappingMode({
    store: mappings,
    key: `mapping:${host}${form}`,
    getState: () => state,
    onState: setState,
  });

  /** Re-reads the page and re-evaluates the rules reading `changed` (every rule when undefined). */
  function refresh(changed?: string[]) {
    const { needs, ...assessment } = assembly.assess({
      map,
      vocabularies: fieldMap.vocabularies,
      packs,
      chosen: state.chosenDirection,
      checklist: state.checklist,
      changed,
      draft: sync.known(),
      draftKeys: sync.knownKeys(),
      fieldMap,
    });
    setState(assessment);
    if (needs.some((id) => !fetching.has(id))) fetchPacks(needs);
  }

  /**
   * Fetches the whole packs a direction needs, then evaluates again. A failed fetch says so in the panel and is tried
   * again at the next change the user makes.
   */
  function fetchPacks(ids: string[]) {
    const wanted = ids.filter((id) => !fetching.has(id));
    for (const id of wanted) fetching.add(id);
    fetched = Promise.all(
      wanted.map((id) => call('getPack', { id }).then((active) => void whole.set(id, active.pack), loadFailed)),
    ).then(() => {
      for (const id of wanted) fetching.delete(id);
      if (!wanted.every((id) => whole.has(id))) return;
      if (state.phase === 'error') setState({ phase: 'ready', error: undefined });
      refresh();
    });
  }

  /** The rules could not be loaded: said in the panel, in words. */
  function loadFailed(error: unknown) {
    setState({ phase: 'error', error: readableLoadError(error instanceof CallError ? error.reason : String(error)) });
  }

  /** A checklist change: re-evaluate the confirm and document rules and save it with the draft. */
  function updateChecklist(change: (c: Checklist) => Checklist) {
    setState({ checklist: change(state.checklist) });
    refresh([]);
    sync.postChecklist(state.checklist);
  }

  /** The field map with the user's mapping patch applied, and the page located with it. */
  function applyFieldMapPatch(patch: FieldMapPatch) {
    fieldMap = applyPatch(baseFieldMap, patch);
    locator = createLocator(doc, fieldMap);
    relocate();
  }

  const sweep = createValueSweep();

  /**
   * The page changed (a row added, a section swapped in, a frame loaded): only what changed is located again, and only
   * the controls that came or were located differently are read, for the draft and the rules.
   */
  const pageChanged = batched((changes: PageChanges, frameLoaded = false) => {
    const before = map;
    relocate(changes);
    watcher.attach(locator.documents());
    const paths = map === before ? [] : changedPaths(before, map);
    // New controls, and those located differently (keyed by another path now, or by their own name).
    const moved = [...controlsAt(map, paths), ...controlsAt(before, paths).filter(isLive)];
    const arrived = [...new Set([...controlsUnder(changes.added), ...moved])];
    if (!paths.length && !arrived.length) return;
    sweep.remember(arrived);
    // Controls a tab or menu swapped in are an arrival (an empty section after a timeout never empties the draft);
    // what changed in controls already shown is posted.
    const values = withBookkeeping((labels) => readControlsValues(map, arrived, labels));
    sync.arrived(values);
    // A (re)loaded frame only arrives: its section page may be empty after a timeout.
    if (!frameLoaded) sync.postValues(values);
    if (state.phase === 'ready') refresh(paths);
    void restoring.continueOnArrival();
  });

  const watcher = createPageWatcher(doc, {
    onInput: batched((target: Element) => {
      sweep.remember([target as Control]);
      const path = map.pathOf.get(target);
      // A field we do not map changes no rule: only the draft needs it. A list cell re-reads its own row.
      if (path) refresh([path]);
      // Only the changed control is read for the draft, not the whole form.
      sync.postValues(readControlValues(map, target as Control));
    }),
    onClick: mapping.onClick,
    onPageChanged: pageChanged,
    // A new document: walked whole, its controls an arrival.
    onFrameLoaded: (frame) => {
      const body = shownDocument(frame)?.body;
      pageChanged({ targets: [], added: body ? [body] : [], controls: true }, true);
    },
    onSweep: batched((idle: boolean) => {
      const changed = idle ? sweep.changedNext(map, IDLE_SWEEP_CONTROLS) : sweep.changed(map);
      if (!changed.length) return;
      // Every rule reading any changed field runs again, not only those of the control that had focus.
      const paths = new Set<string>();
      for (const c of changed) {
        const path = map.pathOf.get(c);
        if (path) paths.add(path);
      }
      if (paths.size) refresh([...paths]);
      sync.postValues(readControlsValues(map, changed));
    }),
  });

  /** Keys handed over by an old content script, waiting for the draft to be read */
  const handedOver: string[] = [];
  let draftLoaded = false;
  /** Fills values through the page's own events, then looks at the page again. */
  async function fill(fields: Record<string, string>) {
    const report = await fillForm(doc, map, fields, { relocate });
    relocate();
    return report;
  }

  return {
    getState: () => state,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    draftKey,
    applicationId,
    async start() {
      sync.listen();
      // Frames may have loaded since we were created (the overlay mounts first): look again before reading.
      relocate();
      watcher.attach(locator.documents());
      sweep.remember(locatedControls(map));
      watcher.startIdleSweep(SWEEP_INTERVAL_MS);
      const patch = await mapping.load();
      if (patch) applyFieldMapPatch(patch);
      // What the page showed on arrival. From here on only what the user changes is posted: an empty page
      // after a portal timeout never empties the draft.
      const arrival = sync.baseline();
      let loadError: unknown;
      const packsLoad = call('getPacks', {}).catch((error: unknown) => {
        loadError = error;
      });
      // The draft does not wait for the rules (a worker just installed may take seconds to answer getPacks): what
      // an old content script handed over is saved as soon as the draft is known.
      const saved = await sync.load();
      if (saved) {
        setState({
          restoreOffer: restoring.offer(restorableFields(saved.fields, arrival, readValues()), saved.updatedAt),
          checklist: saved.checklist,
          chosenDirection:
            saved.guideline && saved.direction ? { packId: saved.guideline, code: saved.direction } : undefined,
        });
      }
      draftLoaded = true;
      restoring.adopt(handedOver.splice(0));
      const index = await packsLoad;
      // A page we have no draft of: what it already shows (the portal's own saved values) starts the draft.
      const startDraft = () => {
        if (!saved) sync.startDraft(arrival);
      };
      if (!index) {
        startDraft();
        loadFailed(loadError);
        return;
      }
      packs.outlines = index.map((p) => p.outline);
      setState({
        phase: 'ready',
        packs: index.map((p) => p.summary),
        directions: index.flatMap(({ summary, outline }) =>
          outline.directions.map((d) => ({
            packId: summary.id,
            code: d.code,
            title: d.title.zh,
            guideline: summary.title.zh,
          })),
        ),
      });
      refresh();
      // The rules of the direction the page shows (fetched by key) are in before the draft learns its direction.
      await fetched;
      startDraft(); // now with the guideline and direction the rules found
      // A draft that does not know its direction yet learns it (typing may have come before the rules).
      const code = state.direction?.direction.code;
      if (saved && code && (saved.direction !== code || saved.guideline !== state.direction?.pack.id))
        sync.postIdentity({ withBase: true });
    },
    stop() {
      watcher.stop();
      sync.stop();
    },
    /** The extension is gone (updated or reloaded): say so; what is not saved stays in this script's memory. */
    extensionGone() {
      setState({ extensionGone: true });
    },
    /** Field keys changed and not saved yet, for a new content script to pick up */
    unsavedKeys: () => sync.unsavedKeys(),
    /** Fields an old content script could not save: their values on the page are saved once the draft is read */
    adoptUnsaved(keys: string[]) {
      if (draftLoaded) restoring.adopt(keys);
      else handedOver.push(...keys);
    },
    /** 重试 after a failed save */
    retrySave: () => sync.retry(),
    dismissNotice: () => sync.dismissNotice(),
    /** Field title for a draft field key (the field map's title, else the key) */
    fieldLabel(key: string): string {
      const field = baseFieldMap.fields.find((f) => f.path === key);
      return field?.title ?? field?.labels?.[0] ?? key;
    },
    setLang: (lang: Lang) => setState({ lang }),
    setMappingActive: mapping.setActive,
    /** The picked control is the application field `path`: saved for this host and form, used at once. */
    async assignPicked(path: string) {
      const isColumn = (baseFieldMap.lists ?? []).some((l) => path.startsWith(`${l.path}.`));
      const patch = mapping.assign(path, isColumn);
      if (!patch) return;
      applyFieldMapPatch(patch);
      watcher.attach(locator.documents());
      refresh();
      await mapping.save(patch).catch((error) => setState({ saveError: String(error) }));
    },
    /** Fields mapping mode can assign: the field map's single fields and list columns, by their Chinese titles. */
    mappableFields: () => [
      ...baseFieldMap.fields.map((f) => ({ path: f.path, title: f.title ?? f.labels?.[0] ?? f.path })),
      ...(baseFieldMap.lists ?? []).flatMap((l) =>
        l.columns.map((c) => ({ path: `${l.path}.${c.path}`, title: fieldLabel(`${l.path}.${c.path}`, 'zh') })),
      ),
    ],
    chooseDirection(choice: { packId: string; code: string } | undefined) {
      setState({ chosenDirection: choice });
      refresh();
      sync.postIdentity({ withBase: false });
    },
    confirm(ruleId: string, entry: { note?: string; by?: string } | undefined) {
      updateChecklist((c) => {
        const confirmations = { ...c.confirmations };
        if (entry) confirmations[ruleId] = { ...entry, at: new Date().toISOString() };
        else delete confirmations[ruleId];
        return { ...c, confirmations };
      });
    },
    /** Fills the page with the saved draft's values, through the page's own events, and reports what it did not take. */
    restore: () => restoring.restore(),
    dismissRestore: () => restoring.dismiss(),
    /** Fills saved profile data (unit name, credit code, the PI's details) into the form; the page's events save it. */
    async fillFields(fields: Record<string, string>) {
      const report = await fill(fields);
      setState({ fillResult: { kind: 'profile', report } });
      refresh();
      sync.postChanges();
    },
    reportFile: (format: 'html' | 'markdown') => reportFile(call, state, applicationId, format),
    shareCodec: shareCodec(call),
    listProfiles: () => listProfiles(call),
    /**
     * Fields both tabs changed: keep this page's values (saved over the other tab's) or take the other tab's (filled
     * into the page). `keys`: only those fields; all held fields otherwise.
     */
    async resolveConflict(choice: 'mine' | 'theirs', keys?: string[]) {
      if (choice === 'theirs') await fill(sync.heldTheirs(keys));
      sync.resolveConflict(choice, keys);
      refresh();
    },
    /** The application the rules read, for the self-check report: the panel's state does not carry it. */
    application: () => state.application,
    /** The page's field contents as the draft keeps them (for the share's "include field contents" list). */
    fieldValues: () => readRawValues(map, allControls()),
    /** The whole checklist replaced (a teammate's share merged in): re-evaluated and saved with the draft. */
    setChecklist(next: Checklist) {
      updateChecklist(() => next);
    },
    setDocumentReady(ruleId: string, ready: boolean, by?: string) {
      updateChecklist((c) => ({
        ...c,
        documents: { ...c.documents, [ruleId]: { ready, at: new Date().toISOString(), ...(by ? { by } : {}) } },
      }));
    },
    acknowledge(ruleId: string, reason: string | undefined, by?: string) {
      updateChecklist((c) => {
        const acknowledgements = { ...c.acknowledgements };
        if (reason) acknowledgements[ruleId] = { reason, at: new Date().toISOString(), ...(by ? { by } : {}) };
        else delete acknowledgements[ruleId];
        return { ...c, acknowledgements };
      });
    },
    setCollapsed: (collapsed: boolean) => setState({ collapsed }),
    setDock: (dock: 'right' | 'left') => setState({ dock }),
    /** The first located control of a model or context path, for markers and click-to-field. */
    controlFor: (path: string) => controlFor(map, path),
  };
}

export type OverlayController = ReturnType<typeof createOverlayController>;

/** The background did not answer (stopped and not started again in time): said in words, not as the browser's error. */
function readableLoadError(error: string): string {
  if (/Extension context invalidated/i.test(error))
    return 'GuideCheck 已更新或重新加载，请刷新本页以加载规则 / GuideCheck was updated or reloaded; reload the page to load the rules';
  return /Receiving end does not exist|Could not establish connection|message channel closed|message port closed/i.test(
    error,
  )
    ? 'GuideCheck 后台暂时没有响应，请刷新本页 / the extension’s background did not answer; please reload the page'
    : error;
}
