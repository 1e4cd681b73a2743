import { z } from 'zod';
import { Checklist } from '../drafts/model';

/**
 * Messages between the content script, the popup/options pages and the background.
 * The background validates every request with `Request` and refuses anything else.
 * Content scripts import only the types (no zod in their bundle).
 */

export const Request = z.discriminatedUnion('type', [
  /** The rule packs in use (bundled or verified updates), already validated. */
  z.object({ type: z.literal('getPacks') }),
  /** Save a draft's values or checklist (extension pages; the content script autosaves through a port). */
  z.object({
    type: z.literal('saveDraft'),
    key: z.string().min(1).max(500),
    host: z.string().min(1).max(255),
    applicationId: z.string().min(1).max(200),
    title: z.string().max(500).optional(),
    guideline: z.string().max(100).optional(),
    direction: z.string().max(20).optional(),
    fields: z.record(z.string().max(300), z.string().max(100_000)).optional(),
    checklist: Checklist.optional(),
    baseRevision: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('getDraft'), key: z.string().min(1).max(500) }),
  /** Saved lead-unit and team-member profiles, for filling repeated data into the form */
  z.object({ type: z.literal('listProfiles') }),
  /** Share codes and files are made and read here: validating a teammate's share needs zod, kept out of the content script */
  z.object({ type: z.literal('share:encode'), share: z.unknown(), lang: z.enum(['zh', 'en']) }),
  z.object({ type: z.literal('share:decode'), text: z.string().max(1_000_000) }),
  /** The self-check report is written here too, to keep the report builder out of the content script */
  z.object({
    type: z.literal('report:build'),
    packId: z.string().max(100),
    direction: z.string().max(20),
    findings: z.array(z.looseObject({ ruleId: z.string(), status: z.enum(['pass', 'fail', 'confirm', 'na', 'unknown']) })).max(5000),
    checklist: Checklist,
    application: z.unknown().optional(),
    applicationId: z.string().max(200),
    lang: z.enum(['zh', 'en']),
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

/** Port "autosave": the content script posts every change at once; the background batches them into Dexie. */
export const AutosaveMessage = z.object({
  type: z.literal('draftChanges'),
  key: z.string().min(1).max(500),
  host: z.string().min(1).max(255),
  applicationId: z.string().min(1).max(200),
  title: z.string().max(500).optional(),
  guideline: z.string().max(100).optional(),
  direction: z.string().max(20).optional(),
  fields: z.record(z.string().max(300), z.string().max(100_000)),
  /** The whole checklist when the user ticked, noted or acknowledged something */
  checklist: Checklist.optional(),
  /** The draft revision this tab last saw (compare-and-set against other tabs); absent for a new draft */
  baseRevision: z.number().int().nonnegative().optional(),
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
