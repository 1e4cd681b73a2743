import { z } from 'zod';
import { ChecklistSchema } from '../core/schemas';

/**
 * The draft model: what GuideCheck keeps of one application between portal sessions.
 * Timestamps are ISO strings (`new Date().toISOString()`), so they survive JSON export unchanged.
 */

export const Draft = z.object({
  /** `${scheme}://${host}|${applicationId}` (see draftKey), or a key the user chose */
  key: z.string().min(1).max(500),
  host: z.string().min(1).max(255),
  applicationId: z.string().min(1).max(200),
  title: z.string().max(500),
  /** Rule pack id and direction code, when known */
  guideline: z.string().max(100).optional(),
  direction: z.string().max(20).optional(),
  /** Portal field key → value as typed */
  fields: z.record(z.string().max(300), z.string().max(100_000)),
  checklist: ChecklistSchema,
  /** Monotonic per draft; the compare-and-set token of `saveDraft` */
  revision: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Soft delete: set by `deleteDraft`, cleared by `undoDelete` or a new save, removed for good by `purgeDeleted`. */
  deletedAt: z.string().optional(),
});

/** Why a revision was recorded */
export const RevisionReason = z.enum(['save', 'restore', 'beforeRestore', 'import']);

/** A snapshot of a draft's content at one revision (history; the draft row always holds the latest state). */
export const Revision = z.object({
  /** Local auto-increment id; absent in export files */
  id: z.number().int().positive().optional(),
  key: z.string().min(1).max(500),
  /** The draft revision this snapshot shows */
  revision: z.number().int().positive(),
  at: z.string(),
  reason: RevisionReason,
  title: z.string().max(500),
  guideline: z.string().max(100).optional(),
  direction: z.string().max(20).optional(),
  fields: z.record(z.string().max(300), z.string().max(100_000)),
  checklist: ChecklistSchema,
});

export type Draft = z.infer<typeof Draft>;
export type RevisionReason = z.infer<typeof RevisionReason>;
export type Revision = z.infer<typeof Revision>;
