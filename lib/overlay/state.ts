import type { Application } from '../application/model';
import type { LeadUnitProfile, TeamMemberProfile } from '../drafts/profiles';
import type { Finding } from '../engine/finding';
import type { UserMessage } from '../messages/protocol';
import type { FillReport } from '../portal/fill';
import type { FieldMapPatch } from '../portal/mapping';
import type { FromOtherPage } from './assembly';
import type { AmbiguousField } from '../portal/locate';
import type { DirectionMatch } from './direction';
import type { PackSummary } from '../packs/origin';
import type { RulePack } from '../packs/schema';
import type { Lang, Checklist } from '../core/vocabulary';

/** Everything the panel is drawn from: the controller owns it, lib/overlay/view.ts turns it into what is shown. */
export interface OverlayState {
  phase: 'loading' | 'ready' | 'error';
  error?: string;
  lang: Lang;
  collapsed: boolean;
  /** Which edge the panel docks to: the user moves it off the part of the form they are filling */
  dock: 'right' | 'left';
  direction?: DirectionMatch;
  /** Other active packs adding rules to the direction (an institution's 通用条件 and `extends`) */
  layers: RulePack[];
  /** Every pack in use with its version, origin and freshness (expired, stale feed) */
  packs: PackSummary[];
  /** The page's direction text when no pack knows it */
  directionText?: string;
  findings: Finding[];
  /** Field-map paths the page does not show */
  missing: string[];
  /** Fields the page shows twice (two controls both like 中央财政经费): not read, the panel names them */
  ambiguous: AmbiguousField[];
  /** Fields located earlier that the page's changed layout no longer lets us follow (their values stay in the draft) */
  lostTrack: string[];
  application?: Application;
  /** Values the rules took from the draft because this page does not show their fields, with the page they came from */
  fromOtherPages: FromOtherPage[];
  /** Confirmations, ready documents, acknowledged warnings: kept with the draft */
  checklist: Checklist;
  /** A direction the user chose in the panel, used when the page shows none it knows */
  chosenDirection?: { packId: string; code: string };
  /** Every direction of every pack, for the manual choice */
  directions: { packId: string; code: string; title: string; guideline: string }[];
  lastSaved?: { revision: number; at: string };
  /** A mapping patch that could not be stored */
  saveError?: string;
  /** Why autosave failed (Chinese first) and whether 重试 makes sense; the changes wait in this script's memory */
  saveProblem?: { message: UserMessage; retry: boolean };
  /** Something the user must know about the draft (recovered from the backup copy) */
  notice?: UserMessage;
  /** Fields too long for the draft, each with its message */
  fieldProblems?: Record<string, UserMessage>;
  /** Changes not acknowledged by the background yet */
  unsaved?: number;
  /** The extension was updated or reloaded under this page: it must be reloaded to save again */
  extensionGone?: boolean;
  /** The saved draft holds values this page does not show (a portal timeout, an older page): offer to fill them */
  restoreOffer?: { count: number; updatedAt: string };
  /** What the last restore or profile fill did: fields the page did not take are listed for the user */
  fillResult?: { kind: 'restore' | 'profile'; report: FillReport };
  /** Fields this tab and another both changed: this page's value and theirs; the user chooses, per field or all */
  held?: Record<string, { mine: string; theirs: string }>;
  /** Mapping mode: the user points at fields the field map did not find */
  mapping: { active: boolean; picked?: { label?: string; name: string }; patch: FieldMapPatch };
}

/** The state as the panel holds it: everything but the application, which it asks for when it needs it. */
export type PanelState = Omit<OverlayState, 'application'>;

export type StatePatch = (patch: Partial<OverlayState>) => void;

/** A saved profile as the background lists it (lib/drafts/profiles.ts) */
export type ProfileChoice = LeadUnitProfile | TeamMemberProfile;

export function initialState(patch: FieldMapPatch): OverlayState {
  return {
    phase: 'loading',
    lang: 'zh',
    collapsed: false,
    dock: 'right',
    layers: [],
    packs: [],
    findings: [],
    missing: [],
    ambiguous: [],
    lostTrack: [],
    fromOtherPages: [],
    checklist: { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} },
    directions: [],
    mapping: { active: false, patch },
  };
}
