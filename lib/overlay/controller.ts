import type { RulePack } from '../packs/schema';
import { applicationIdOf } from '../portal/detect';
import { fillForm } from '../portal/fill';
import { type Control, type PageMap, controlsIn, documentsOf, locateFields } from '../portal/locate';
import { type FieldMapPatch, applyPatch, emptyPatch } from '../portal/mapping';
import type { FieldMap } from '../portal/fieldMapSchema';
import { readRawValues } from '../portal/read';
import { changedModelPath, createAssembly } from './assembly';
import { type DraftChannel, createDraftSync, restorableFields } from './draftSync';
import { CallError, createClient, type Transport } from '../messages/contract';
import { controlFor } from './fieldControls';
import { type MappingStore, createMappingMode } from './mappingMode';
import { createPageWatcher } from './pageWatcher';
import { SWEEP_INTERVAL_MS, createValueSweep, locatedControls } from './valueSweep';
import { listProfiles, reportFile, shareCodec } from './requests';
import { type OverlayState, initialState } from './state';
import { type Checklist, draftKey as draftKeyOf, type Lang } from '../core/vocabulary';

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
  let packs: RulePack[] = [];
  let map: PageMap = locateFields(doc, fieldMap);
  /** Draft values the page lacks, while a restore is on offer */
  let restorable: Record<string, string> = {};
  const applicationId = applicationIdOf(doc, fieldMap);
  const draftKey = draftKeyOf(doc.location?.origin ?? '', applicationId);

  function setState(patch: Partial<OverlayState>) {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  }

  const assembly = createAssembly();
  const relocate = () => (map = locateFields(doc, fieldMap));
  const allControls = () => documentsOf(doc).flatMap((d) => controlsIn(d));
  const readValues = () => readRawValues(map, allControls());

  const sync = createDraftSync({
    channel,
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

  const mapping = createMappingMode({
    store: mappings,
    key: `mapping:${host}${form}`,
    getState: () => state,
    onState: setState,
  });

  /** Re-reads the page and re-evaluates the rules reading `changed` (every rule when undefined). */
  function refresh(changed?: string[]) {
    setState(
      assembly.assess({
        map,
        vocabularies: fieldMap.vocabularies,
        packs,
        chosen: state.chosenDirection,
        checklist: state.checklist,
        changed,
      }),
    );
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
    relocate();
  }

  const sweep = createValueSweep();

  const watcher = createPageWatcher(doc, {
    onInput(target) {
      sweep.remember([target as Control]);
      const path = map.pathOf.get(target);
      // A field we do not map changes no rule: only the draft needs it.
      if (path) refresh([changedModelPath(path)]);
      sync.postChanges();
    },
    onClick: mapping.onClick,
    onControlsChanged() {
      relocate();
      watcher.attach();
      if (state.phase === 'ready') refresh();
      sync.postChanges();
    },
    onFrameLoaded() {
      relocate();
      watcher.attach();
      if (state.phase === 'ready') refresh();
    },
    onSweep() {
      const changed = sweep.changed(locatedControls(map));
      if (!changed.length) return;
      // Every rule reading any changed field runs again, not only those of the control that had focus.
      const paths = new Set<string>();
      for (const c of changed) {
        const path = map.pathOf.get(c);
        if (path) paths.add(changedModelPath(path));
      }
      if (paths.size) refresh([...paths]);
      sync.postChanges();
    },
  });

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
      watcher.attach();
      sweep.remember(locatedControls(map));
      watcher.startIdleSweep(SWEEP_INTERVAL_MS);
      const patch = await mapping.load();
      if (patch) applyFieldMapPatch(patch);
      // What the page showed on arrival. From here on only what the user changes is posted: an empty page
      // after a portal timeout never empties the draft.
      const arrival = sync.baseline();
      const [packsResponse, saved] = await Promise.all([
        call('getPacks', {}).then(
          (packs) => ({ ok: true as const, packs }),
          (error: unknown) => ({
            ok: false as const,
            error: error instanceof CallError ? error.reason : String(error),
          }),
        ),
        sync.load(),
      ]);
      if (saved) {
        restorable = restorableFields(saved.fields, arrival, readValues());
        setState({
          restoreOffer: Object.keys(restorable).length
            ? { count: Object.keys(restorable).length, updatedAt: saved.updatedAt }
            : undefined,
          checklist: saved.checklist,
          chosenDirection:
            saved.guideline && saved.direction ? { packId: saved.guideline, code: saved.direction } : undefined,
        });
      }
      // A page we have no draft of: what it already shows (the portal's own saved values) starts the draft.
      const startDraft = () => {
        if (!saved) sync.startDraft(arrival);
      };
      if (!packsResponse.ok) {
        startDraft();
        setState({ phase: 'error', error: packsResponse.error });
        return;
      }
      packs = packsResponse.packs;
      setState({
        phase: 'ready',
        directions: packs.flatMap((p) =>
          p.directions.map((d) => ({ packId: p.id, code: d.code, title: d.title.zh, guideline: p.title.zh })),
        ),
      });
      refresh();
      startDraft(); // now with the guideline and direction the rules found
      // A draft that does not know its direction yet learns it (typing may have come before the rules).
      const code = state.direction?.direction.code;
      if (saved && code && (saved.direction !== code || saved.guideline !== state.direction?.pack.id))
        sync.postIdentity({ withBase: true });
    },
    stop: () => watcher.stop(),
    setLang: (lang: Lang) => setState({ lang }),
    setMappingActive: mapping.setActive,
    /** The picked control is the application field `path`: saved for this host and form, used at once. */
    async assignPicked(path: string) {
      const patch = mapping.assign(path);
      if (!patch) return;
      applyFieldMapPatch(patch);
      watcher.attach();
      refresh();
      await mapping.save(patch).catch((error) => setState({ saveError: String(error) }));
    },
    /** Fields mapping mode can assign: the field map's single fields, by their Chinese title. */
    mappableFields: () => baseFieldMap.fields.map((f) => ({ path: f.path, title: f.title ?? f.labels?.[0] ?? f.path })),
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
    async restore() {
      const report = await fill(restorable);
      restorable = {};
      sync.baseline();
      setState({ restoreOffer: undefined, fillResult: { kind: 'restore', report } });
      refresh();
    },
    dismissRestore() {
      restorable = {};
      setState({ restoreOffer: undefined, fillResult: undefined });
    },
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
    /** After a conflict: keep this page's values (saved over the other tab's) or take the other tab's. */
    async resolveConflict(choice: 'mine' | 'theirs') {
      const conflict = state.conflict;
      if (!conflict) return;
      if (choice === 'theirs') await fill(conflict.fields);
      sync.resolveConflict(choice);
      refresh();
      sync.postChanges();
    },
    /** The page's field contents as the draft keeps them (for the share's "include field contents" list). */
    fieldValues: readValues,
    /** The whole checklist replaced (a teammate's share merged in): re-evaluated and saved with the draft. */
    setChecklist(next: Checklist) {
      updateChecklist(() => next);
    },
    setDocumentReady(ruleId: string, ready: boolean) {
      updateChecklist((c) => ({
        ...c,
        documents: { ...c.documents, [ruleId]: { ready, at: new Date().toISOString() } },
      }));
    },
    acknowledge(ruleId: string, reason: string | undefined) {
      updateChecklist((c) => {
        const acknowledgements = { ...c.acknowledgements };
        if (reason) acknowledgements[ruleId] = { reason, at: new Date().toISOString() };
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
