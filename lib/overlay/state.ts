import type { Application } from '../application/model';
import type { LeadUnitProfile, TeamMemberProfile } from '../drafts/profiles';
import type { Finding } from '../engine/finding';
import type { FillReport } from '../portal/fill';
import type { FieldMapPatch } from '../portal/mapping';
import type { DirectionMatch } from './direction';
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
  /** The page's direction text when no pack knows it */
  directionText?: string;
  findings: Finding[];
  /** Field-map paths the page does not show */
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
  /** Mapping mode: the user points at fields the field map did not find */
  mapping: { active: boolean; picked?: { label?: string; name: string }; patch: FieldMapPatch };
}

export type StatePatch = (patch: Partial<OverlayState>) => void;

/** A saved profile as the background lists it (lib/drafts/profiles.ts) */
export type ProfileChoice = LeadUnitProfile | TeamMemberProfile;

export function initialState(patch: FieldMapPatch): OverlayState {
  return {
    phase: 'loading',
    lang: 'zh',
    collapsed: false,
    dock: 'right',
    findings: [],
    missing: [],
    checklist: { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} },
    directions: [],
    mapping: { active: false, patch },
  };
}
