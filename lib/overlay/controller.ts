import type { Application } from '../application/model';
import type { Finding } from '../engine/finding';
import { createIncrementalEvaluator, type IncrementalEvaluator } from '../engine/incremental';
import type { Lang } from '../i18n/messages';
import { formPaths } from '../i18n/labels';
import type { Checklist } from '../drafts/model';
import type { LeadUnitProfile, TeamMemberProfile } from '../drafts/profiles';
import type { Share } from '../share/model';
import type { ReadShare, ShareCodec } from './share';
import type { AutosaveMessage, AutosaveReply, Request } from '../messages/protocol';
import type { RulePack } from '../packs/schema';
import { applicationIdOf } from '../portal/detect';
import { type Control, type PageMap, controlsIn, documentsOf, locateFields } from '../portal/locate';
import { type FieldMapPatch, applyPatch, emptyPatch, entryFor, labelBeside, withEntry } from '../portal/mapping';
import type { PortalProfile } from '../portal/profileSchema';
import { type FillReport, fillForm } from '../portal/fill';
import { readApplication, readRawValues } from '../portal/read';
import { type DirectionMatch, matchDirection } from './direction';

/**
 * The overlay's state machine: reads the page, evaluates the chosen direction's rules as the user types,
 * and autosaves the form through the background. Takes the document and a `send` function so it runs
 * (and is tested) without a browser.
 */

export interface OverlayState {
  phase: 'loading' | 'ready' | 'error';
  error?: string;
  lang: Lang;
  collapsed: boolean;
  /** Which edge the panel docks to: the user moves it off the part of the form they are filling */
  dock: 'right' | 'left';
  direction?: DirectionMatch;
  /** The page's direction text when no pack knows it */
  directionText?: string;
  findings: Finding[];
  /** Profile paths the page does not show */
  missing: string[];
  application?: Application;
  /** Confirmations, ready documents, acknowledged warnings: kept with the draft */
  checklist: Checklist;
  /** A direction the user chose in the panel, used when the page shows none it knows */
  chosenDirection?: { packId: string; code: string };
  /** Every direction of every pack, for the manual choice */
  directions: { packId: string; code: string; title: string; guideline: string }[];
  lastSaved?: { revision: number; at: string };
  saveError?: string;
  /** The saved draft holds values this page does not show (a portal timeout, an older page): offer to fill them */
  restoreOffer?: { count: number; updatedAt: string };
  /** What the last restore or profile fill did: fields the page did not take are listed for the user */
  fillResult?: { kind: 'restore' | 'profile'; report: FillReport };
  /** Another tab saved this application since this one last did: autosave waits for the user's choice */
  conflict?: { revision: number; fields: Record<string, string> };
  /** Mapping mode: the user points at fields the profile did not find */
  mapping: { active: boolean; picked?: { label?: string; name: string }; patch: FieldMapPatch };
}

/** A saved profile as the background lists it (lib/drafts/profiles.ts) */
export type ProfileChoice = LeadUnitProfile | TeamMemberProfile;

/** What the background returns for a draft (lib/drafts/model.ts Draft, as far as the overlay reads it). */
interface SavedDraft {
  revision: number;
  updatedAt: string;
  fields: Record<string, string>;
  checklist: Checklist;
  guideline?: string;
  direction?: string;
}

/** Where mapping patches are kept (browser.storage.local in the extension: the extension's storage, not the portal's). */
export interface MappingStore {
  get(key: string): Promise<FieldMapPatch | undefined>;
  set(key: string, patch: FieldMapPatch): Promise<void>;
}

export type Send = (request: Request) => Promise<unknown>;

/** The autosave channel (a runtime Port in the extension): every change is posted at once, the background batches the writes. */
export interface DraftChannel {
  post(message: AutosaveMessage): void;
  onMessage(fn: (message: AutosaveReply) => void): void;
}

export interface ControllerOptions {
  doc: Document;
  profile: PortalProfile;
  send: Send;
  channel: DraftChannel;
  mappings: MappingStore;
}

export function createOverlayController({ doc, profile: baseProfile, send, channel, mappings }: ControllerOptions) {
  const host = doc.location?.host ?? '';
  const form = doc.location?.pathname ?? '';
  const mappingKey = `mapping:${host}${form}`;
  let profile = baseProfile;
  let picked: Control | undefined;
  let state: OverlayState = {
    phase: 'loading',
    lang: 'zh',
    collapsed: false,
    dock: 'right',
    findings: [],
    missing: [],
    checklist: { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} },
    directions: [],
    mapping: { active: false, patch: emptyPatch(baseProfile.id, host, form) },
  };
  const listeners = new Set<() => void>();
  let packs: RulePack[] = [];
  let map: PageMap = locateFields(doc, profile);
  let evaluator: IncrementalEvaluator | undefined;
  let evaluatorKey = '';
  let lastPosted: Record<string, string> = {};
  /** The draft revision this tab last saw: autosave's compare-and-set token */
  let baseRevision: number | undefined;
  /** Draft values the page lacks, while a restore is on offer */
  let restorable: Record<string, string> = {};
  const applicationId = applicationIdOf(doc, profile);
  const draftKey = `${host}|${applicationId}`;
  const cleanups: (() => void)[] = [];

  function setState(patch: Partial<OverlayState>) {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  }

  /** Re-reads the page and re-evaluates the rules reading `changed` (every rule when undefined). */
  function refresh(changed?: string[]) {
    const reading = readApplication(map, profile.vocabularies);
    const direction = matchDirection(packs, reading.directionText, reading.directionGroup) ?? chosen();
    const key = direction ? `${direction.pack.id}@${direction.pack.version}/${direction.direction.code}` : '';
    if (key !== evaluatorKey) {
      evaluatorKey = key;
      evaluator = direction ? createIncrementalEvaluator(direction.pack, direction.direction.code) : undefined;
      changed = undefined;
    }
    const findings = evaluator ? evaluator.update(reading.application, changed, state.checklist) : [];
    setState({
      direction,
      directionText: reading.directionText,
      application: reading.application,
      findings,
      missing: map.missing,
    });
  }

  function chosen(): DirectionMatch | undefined {
    const c = state.chosenDirection;
    const pack = c && packs.find((p) => p.id === c.packId);
    const direction = pack?.directions.find((d) => d.code === c!.code);
    return pack && direction ? { pack, direction } : undefined;
  }

  /** A checklist change: re-evaluate the confirm and document rules and save it with the draft. */
  function updateChecklist(change: (c: Checklist) => Checklist) {
    setState({ checklist: change(state.checklist) });
    refresh([]);
    channel.post({ ...draftIdentity(), fields: {}, checklist: state.checklist, baseRevision });
  }

  function draftIdentity() {
    return {
      type: 'draftChanges' as const,
      key: draftKey,
      host,
      applicationId,
      title: state.application?.project.nameZh,
      guideline: state.direction?.pack.id,
      direction: state.direction?.direction.code,
    };
  }

  /** In mapping mode a click on a portal control picks it (the click still reaches the page). */
  function onPick(event: Event) {
    if (!state.mapping.active) return;
    const target = event.target as Element | null;
    if (!target?.matches?.('input, select, textarea')) return;
    picked = target as Control;
    setState({ mapping: { ...state.mapping, picked: { label: labelBeside(picked), name: picked.name || picked.id } } });
  }

  function useProfile(patch: FieldMapPatch) {
    profile = applyPatch(baseProfile, patch);
    map = locateFields(doc, profile);
  }

  function onInput(event: Event) {
    const target = event.target as Element | null;
    if (!target || !('value' in target)) return;
    const path = map.pathOf.get(target);
    // A field we do not map changes no rule: only the draft needs it.
    if (path) refresh([path.replace(/\.\d+\..*$/, '')]);
    postChanges();
  }

  /** Rows added or removed (添加/删除, a file listed): look at the page again once the page's own handlers ran. */
  let relocating = false;
  function onMutations(records: MutationRecord[]) {
    const FORMISH = 'input, select, textarea, iframe, frame';
    const touchesControls = (nodes: NodeList) =>
      Array.from(nodes).some(
        (n) => n.nodeType === 1 && ((n as Element).matches(FORMISH) || (n as Element).querySelector(FORMISH)),
      );
    if (relocating || !records.some((r) => touchesControls(r.addedNodes) || touchesControls(r.removedNodes))) return;
    relocating = true;
    queueMicrotask(() => {
      relocating = false;
      map = locateFields(doc, profile);
      attachDocuments();
      if (state.phase === 'ready') refresh();
      postChanges();
    });
  }

  function allControls(): Control[] {
    return documentsOf(doc).flatMap((d) => controlsIn(d));
  }

  /** Posts the fields that changed since the last post: nothing typed waits for a timer in the page. */
  function postChanges() {
    // After a conflict the user chooses first. Before the draft is known, what the user typed is still posted
    // (only changed fields: nothing the page merely shows), without a base revision.
    if (state.conflict) return;
    const now = readRawValues(map, allControls());
    const changed: Record<string, string> = {};
    for (const [k, v] of Object.entries(now)) if (lastPosted[k] !== v) changed[k] = v;
    if (Object.keys(changed).length === 0) return;
    lastPosted = now;
    channel.post({ ...draftIdentity(), fields: changed, baseRevision });
  }

  const attached = new WeakSet<Document>();
  const framesSeen = new WeakSet<Element>();
  /** Listens to the page and its same-origin iframes, including frames added or (re)loaded after we start. */
  function attachDocuments() {
    for (const d of documentsOf(doc)) {
      if (!attached.has(d)) {
        attached.add(d);
        listen(d, 'input', onInput);
        listen(d, 'change', onInput);
        listen(d, 'click', onPick);
        const win = d.defaultView;
        if (win && d.body) {
          const observer = new win.MutationObserver(onMutations);
          observer.observe(d.body, { childList: true, subtree: true });
          cleanups.push(() => observer.disconnect());
        }
      }
      for (const frame of Array.from(d.querySelectorAll('iframe, frame'))) {
        if (framesSeen.has(frame)) continue;
        framesSeen.add(frame);
        listen(frame, 'load', () => {
          map = locateFields(doc, profile);
          attachDocuments();
          if (state.phase === 'ready') refresh();
        });
      }
    }
  }

  function listen(target: EventTarget, type: string, fn: EventListener, capture = true) {
    target.addEventListener(type, fn, capture);
    cleanups.push(() => target.removeEventListener(type, fn, capture));
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
      channel.onMessage((reply) => {
        if (reply.key !== draftKey) return;
        if (reply.type === 'saved') {
          baseRevision = Math.max(baseRevision ?? 0, reply.revision);
          setState({ lastSaved: { revision: reply.revision, at: reply.at }, saveError: undefined });
        } else if (reply.type === 'conflict') {
          // What was refused is posted again once the user has chosen.
          lastPosted = reply.fields;
          setState({ conflict: { revision: reply.revision, fields: reply.fields } });
        } else setState({ saveError: reply.error });
      });
      // Frames may have loaded since we were created (the overlay mounts first): look again before reading.
      map = locateFields(doc, profile);
      attachDocuments();
      const patch = await mappings.get(mappingKey).catch(() => undefined);
      if (patch) {
        useProfile(patch);
        setState({ mapping: { ...state.mapping, patch } });
      }
      // What the page showed on arrival. From here on only what the user changes is posted: an empty page
      // after a portal timeout never empties the draft.
      const arrival = readRawValues(map, allControls());
      lastPosted = arrival;
      const [packsResponse, draftResponse] = await Promise.all([
        send({ type: 'getPacks' }).catch((error: unknown) => ({ ok: false, error: String(error) })) as Promise<{
          ok: boolean;
          value?: RulePack[];
          error?: string;
        }>,
        send({ type: 'getDraft', key: draftKey }).catch(() => undefined) as Promise<
          { ok: boolean; value?: SavedDraft | null } | undefined
        >,
      ]);
      const saved = draftResponse?.ok ? draftResponse.value : undefined;
      baseRevision = saved?.revision ?? 0; // 0: this tab has seen no draft; another tab's first save is news to it
      if (saved) {
        const now = readRawValues(map, allControls());
        // Fields typed while we loaded are the user's newest word: never offered for overwriting.
        restorable = Object.fromEntries(
          Object.entries(saved.fields).filter(([k, v]) => v !== '' && arrival[k] !== v && now[k] === arrival[k]),
        );
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
        // Fields the user changed meanwhile were posted as typed: never send their old value after them.
        const now = readRawValues(map, allControls());
        const shown = Object.fromEntries(Object.entries(arrival).filter(([k, v]) => v !== '' && now[k] === v));
        if (!saved && Object.keys(shown).length) channel.post({ ...draftIdentity(), fields: shown, baseRevision });
      };
      if (!packsResponse?.ok || !packsResponse.value) {
        startDraft();
        setState({ phase: 'error', error: packsResponse?.error ?? 'no packs' });
        return;
      }
      packs = packsResponse.value;
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
        channel.post({ ...draftIdentity(), fields: {}, baseRevision });
    },
    stop() {
      for (const c of cleanups.splice(0)) c();
    },
    setLang: (lang: Lang) => setState({ lang }),
    setMappingActive(active: boolean) {
      picked = undefined;
      setState({ mapping: { ...state.mapping, active, picked: undefined } });
    },
    /** The picked control is the application field `path`: saved for this host and form, used at once. */
    async assignPicked(path: string) {
      if (!picked) return;
      const patch = withEntry(state.mapping.patch, entryFor(picked, path));
      picked = undefined;
      useProfile(patch);
      attachDocuments();
      setState({ mapping: { ...state.mapping, patch, picked: undefined } });
      refresh();
      await mappings.set(mappingKey, patch).catch((error) => setState({ saveError: String(error) }));
    },
    /** Fields mapping mode can assign: the profile's single fields, by their Chinese title. */
    mappableFields: () => baseProfile.fields.map((f) => ({ path: f.path, title: f.title ?? f.labels?.[0] ?? f.path })),
    chooseDirection(choice: { packId: string; code: string } | undefined) {
      setState({ chosenDirection: choice });
      refresh();
      channel.post({ ...draftIdentity(), fields: {} });
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
      const report = await fillForm(doc, map, restorable, { relocate: () => (map = locateFields(doc, profile)) });
      restorable = {};
      map = locateFields(doc, profile);
      lastPosted = readRawValues(map, allControls());
      setState({ restoreOffer: undefined, fillResult: { kind: 'restore', report } });
      refresh();
    },
    dismissRestore() {
      restorable = {};
      setState({ restoreOffer: undefined, fillResult: undefined });
    },
    /** Fills saved profile data (unit name, credit code, the PI's details) into the form; the page's events save it. */
    async fillFields(fields: Record<string, string>) {
      const report = await fillForm(doc, map, fields, { relocate: () => (map = locateFields(doc, profile)) });
      map = locateFields(doc, profile);
      setState({ fillResult: { kind: 'profile', report } });
      refresh();
      postChanges();
    },
    /** The self-check report of what the panel shows, written by the background (the report builder stays out of the page). */
    async reportFile(format: 'html' | 'markdown'): Promise<{ name: string; text: string; type: string } | undefined> {
      const match = state.direction;
      if (!match) return undefined;
      const response = (await send({
        type: 'report:build',
        packId: match.pack.id,
        direction: match.direction.code,
        // Findings are plain data; the background checks their shape again.
        findings: state.findings as unknown as Extract<Request, { type: 'report:build' }>['findings'],
        checklist: state.checklist,
        application: state.application,
        applicationId,
        lang: state.lang,
        format,
      })) as { ok: boolean; value?: { name: string; text: string; type: string } | null; error?: string };
      if (!response?.ok) throw new Error(response?.error ?? 'report:build failed');
      return response.value ?? undefined;
    },
    /** Share codes are made and read by the background (see lib/overlay/share.ts ShareCodec). */
    shareCodec: {
      async encode(share: Share, lang: Lang) {
        const response = (await send({ type: 'share:encode', share, lang })) as {
          ok: boolean;
          value?: { code: string; file: string; summary: string };
          error?: string;
        };
        if (!response?.ok || !response.value) throw new Error(response?.error ?? 'share:encode failed');
        return response.value;
      },
      async decode(text: string) {
        const response = (await send({ type: 'share:decode', text })) as {
          ok: boolean;
          value?: ReadShare;
          error?: string;
        };
        if (!response?.ok || !response.value) throw new Error(response?.error ?? 'share:decode failed');
        return response.value;
      },
    } satisfies ShareCodec,
    async listProfiles(): Promise<ProfileChoice[]> {
      const response = (await send({ type: 'listProfiles' }).catch(() => undefined)) as
        | { ok: boolean; value?: ProfileChoice[] }
        | undefined;
      return response?.ok ? (response.value ?? []) : [];
    },
    /** After a conflict: keep this page's values (saved over the other tab's) or take the other tab's. */
    async resolveConflict(choice: 'mine' | 'theirs') {
      const conflict = state.conflict;
      if (!conflict) return;
      baseRevision = conflict.revision;
      if (choice === 'theirs') {
        await fillForm(doc, map, conflict.fields, { relocate: () => (map = locateFields(doc, profile)) });
        map = locateFields(doc, profile);
        lastPosted = readRawValues(map, allControls());
      } else lastPosted = conflict.fields;
      setState({ conflict: undefined });
      refresh();
      postChanges();
    },
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
    controlFor(path: string): Control | undefined {
      for (const candidate of formPaths(path)) {
        const field = map.fields.find((f) => f.spec.path === candidate);
        if (field) return field.controls[0];
        const [list, index, column] = candidate.split('.');
        const row = map.lists.find((l) => l.spec.path === list)?.rows[Number(index)];
        const control = row?.get(column ?? '')?.[0];
        if (control) return control;
      }
      return undefined;
    },
  };
}

export type OverlayController = ReturnType<typeof createOverlayController>;
