import { z } from 'zod';
import { Draft } from '../drafts/model';
import { SaveDraftInput } from '../drafts/store';
import { ChecklistSchema, LangSchema } from '../core/schemas';

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
    findings: z
      .array(z.looseObject({ ruleId: z.string(), status: z.enum(['pass', 'fail', 'confirm', 'na', 'unknown']) }))
      .max(5000),
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
});
export type AutosaveMessage = z.infer<typeof AutosaveMessage>;
export type AutosaveReply =
  | { type: 'saved'; key: string; revision: number; at: string }
  /** Another tab saved this draft since this tab last saw it: nothing was written */
  | { type: 'conflict'; key: string; revision: number; fields: Record<string, string> }
  | { type: 'saveFailed'; key: string; error: string };

/** What the content script tells the popup about its tab (tabs.sendMessage, answered by the content script). */
export interface TabStatus {
  recognised: boolean;
  direction?: { packId: string; code: string; title: string };
  counts: { error: number; warning: number; info: number; confirm: number };
  missingFields: string[];
}

export type Response<T> = { ok: true; value: T } | { ok: false; error: string };
