import { z } from 'zod';
import { Draft } from '../drafts/model';
import type { ProfileInput } from '../drafts/profileModel';
import { SaveDraftInput } from '../drafts/store';
import { ChecklistSchema, LangSchema } from '../core/schemas';
import type { Finding } from '../engine/finding';

/** What the report builder reads of a finding; the rest is the panel's, carried along. */
const FindingShape = z.looseObject({
  ruleId: z.string(),
  status: z.enum(['pass', 'fail', 'confirm', 'na', 'unknown']),
});

/**
 * Messages between the content script, the popup/options pages and the background.
 * The background validates every request with `Request` and refuses anything else.
 * Content scripts import only the types (no zod in their bundle).
 */

export const Request = z.discriminatedUnion('type', [
  /** The rule packs in use (bundled or verified updates), already validated. */
  z.object({ type: z.literal('getPacks') }),
  /** Save a draft's values or checklist (extension pages; the content script autosaves through a port). */
  SaveDraftInput.extend({ type: z.literal('saveDraft') }),
  z.object({ type: z.literal('getDraft'), key: z.string().min(1).max(500) }),
  /**
   * Saved lead-unit and team-member profiles, for filling repeated data into the form: only those allowed on the
   * asking tab's scheme + host (all of them for the options page, which has no portal tab).
   */
  z.object({ type: z.literal('listProfiles') }),
  /** 在此网站使用: the user allowed a profile on the portal site of the asking panel's tab (extension pages only). */
  z.object({ type: z.literal('profiles:allowHere'), id: z.string().min(1).max(100) }),
  /** Share codes and files are made and read here: validating a teammate's share needs zod, kept out of the content script */
  z.object({ type: z.literal('share:encode'), share: z.unknown(), lang: LangSchema }),
  z.object({ type: z.literal('share:decode'), text: z.string().max(1_000_000) }),
  /** The self-check report is written here too, to keep the report builder out of the content script */
  z.object({
    type: z.literal('report:build'),
    packId: z.string().max(100),
    direction: z.string().max(20),
    findings: z.array(z.custom<Finding>((v) => FindingShape.safeParse(v).success)).max(5000),
    checklist: ChecklistSchema,
    application: z.unknown().optional(),
    applicationId: z.string().max(200),
    lang: LangSchema,
    format: z.enum(['html', 'markdown']),
  }),
  /** Rule sources for the options page (FeedsStatus of lib/feed/extension/status.ts). */
  z.object({ type: z.literal('feeds:list') }),
  /** Subscribe after the user confirmed the keys' fingerprints and granted the host permission (checked in full by SubscribeInput). */
  z.object({
    type: z.literal('feeds:subscribe'),
    url: z.string().max(2000),
    keys: z.array(z.string().max(200)).max(16),
    threshold: z.number().int(),
    name: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('feeds:unsubscribe'), url: z.string().max(2000) }),
  /** 立即检查: check every feed now; answers the new FeedsStatus. */
  z.object({ type: z.literal('feeds:checkNow') }),
  /** The options page's drafts and profiles (extension pages only: the store lives in the background). */
  z.object({ type: z.literal('drafts:list'), search: z.string().max(500).optional() }),
  z.object({ type: z.literal('drafts:rename'), key: Draft.shape.key, title: Draft.shape.title }),
  z.object({ type: z.literal('drafts:delete'), key: Draft.shape.key }),
  z.object({ type: z.literal('drafts:undoDelete'), key: Draft.shape.key }),
  /** Removes for good the drafts deleted longer ago than the undo window (lib/drafts/store.ts UNDO_WINDOW_MS). */
  z.object({ type: z.literal('drafts:purgeDeleted') }),
  z.object({ type: z.literal('drafts:revisions'), key: Draft.shape.key }),
  z.object({
    type: z.literal('drafts:restore'),
    key: Draft.shape.key,
    revisionId: z.number().int().nonnegative(),
    withChecklist: z.boolean(),
  }),
  z.object({
    type: z.literal('drafts:export'),
    keys: z.array(Draft.shape.key).max(10_000).optional(),
    includeRevisions: z.boolean(),
  }),
  /** An export file's text, checked entry by entry by importDrafts (a refused file changes nothing). */
  z.object({ type: z.literal('drafts:import'), text: z.string().max(50_000_000) }),
  /** Checked in full by saveProfile, which answers the problems field by field. */
  z.object({
    type: z.literal('profiles:save'),
    profile: z.custom<ProfileInput>((v) => typeof v === 'object' && v !== null),
  }),
  z.object({ type: z.literal('profiles:delete'), id: z.string().min(1).max(100) }),
]);

export type Request = z.infer<typeof Request>;
/** A request as its sender writes it (defaults may be left out). */
export type RequestInput = z.input<typeof Request>;

/** Port "autosave": the content script posts every change at once; the background batches them into Dexie. */
/**
 * A draft save (lib/drafts/store.ts) with the fields that changed; `checklist` is the whole checklist when the user
 * ticked, noted or acknowledged something, `baseRevision` the revision this tab last saw (compare-and-set against
 * other tabs).
 */
export const AutosaveMessage = SaveDraftInput.omit({ removeFields: true }).extend({
  type: z.literal('draftChanges'),
  fields: Draft.shape.fields,
  /** The user clicked 重试 (or an acknowledgement is overdue): write now, even while backing off after a failure */
  retry: z.boolean().optional(),
});
export type AutosaveMessage = z.infer<typeof AutosaveMessage>;
/**
 * Sent on every (re)connection of the port: the background then sends this tab each new revision of the draft and
 * tells it what it must know at once (a recovered draft, a database it cannot write).
 */
export const AutosaveHello = z.object({
  type: z.literal('hello'),
  key: Draft.shape.key,
  writer: z.string().min(1).max(100),
});
export type AutosaveHello = z.infer<typeof AutosaveHello>;
/** A message for the user, Chinese first (rendered as text by the panel). */
export interface UserMessage {
  zh: string;
  en: string;
}
export type AutosaveReply =
  /**
   * Committed: `writer`/`seq` acknowledge every change of that writer up to `seq`. `held` fields were changed by
   * another tab since this one saw them (their stored values; not written).
   */
  | {
      type: 'saved';
      key: string;
      revision: number;
      at: string;
      writer?: string;
      seq?: number;
      held?: Record<string, string>;
    }
  /** Fields too long for the draft: clamped or refused each alone (the rest of the batch is saved), told at the field */
  | { type: 'fieldProblems'; key: string; problems: Record<string, UserMessage> }
  /** Another tab saved this draft since this tab last saw it: nothing was written */
  | { type: 'conflict'; key: string; revision: number; fields: Record<string, string> }
  /** `reason`/`message` say why and what to do; `retryInMs`: the background tries again by itself after that */
  | {
      type: 'saveFailed';
      key: string;
      error: string;
      reason?: 'diskFull' | 'newerDatabase' | 'storage' | 'invalid';
      message?: UserMessage;
      retryInMs?: number;
      writer?: string;
      seq?: number;
    }
  /** Another tab's commit: its revision and the fields it wrote */
  | { type: 'revision'; key: string; revision: number; writer?: string; fields: Record<string, string> }
  /** Something the user must be told about this draft (e.g. recovered from the backup copy) */
  | { type: 'notice'; key: string; message: UserMessage };

/** What the content script tells the popup about its tab (tabs.sendMessage, answered by the content script). */
export interface TabStatus {
  recognised: boolean;
  direction?: { packId: string; code: string; title: string };
  /** Findings by verdict (lib/overlay/view.ts countFindings) */
  counts: { error: number; warning: number; info: number; confirm: number; unknown?: number };
  missingFields: string[];
  /** How the overlay shows the panel on this tab (a recognised form only) */
  panel?: PanelMode;
}

/**
 * How the panel is shown: in the extension frame; as a reduced, read-only panel in our closed layer when the frame
 * does not answer (refused by the browser or a policy); or not at all (the page took our layer away or covers it).
 */
export type PanelMode = 'frame' | 'fallback' | 'blocked';

export type Response<T> = { ok: true; value: T } | { ok: false; error: string };
