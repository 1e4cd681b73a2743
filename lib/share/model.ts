import { z } from 'zod';

/**
 * The share format: one direction's checklist as a teammate sees it, with no field contents unless the sharer ticked
 * them in. The same object travels as a file (JSON) and as a share code (lib/share/code.ts). Times are ISO strings
 * to whole seconds, because the share code carries seconds.
 */

import { SHARE_FORMAT, SHARE_VERSION } from './format';
import { inTimeRange } from './time';

export { SHARE_FORMAT, SHARE_VERSION };

const isoSeconds = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.000)?Z$/,
    '时间须为 ISO 格式（UTC，到秒） / Time must be ISO (UTC, to the second)',
  )
  .refine((s) => inTimeRange(Date.parse(s) / 1000), {
    message: '时间超出范围（2000–2200 年） / Time out of range (years 2000–2200)',
  });
const name = z.string().min(1).max(100);
const text = z.string().max(2000);

export const ShareItemStatus = z.enum(['pass', 'fail', 'confirm', 'na', 'unknown']);

/** One checklist item (a rule of the direction). `status` is the sharer's finding, shown only, never merged. */
export const ShareItem = z.object({
  status: ShareItemStatus.optional(),
  confirmation: z.object({ by: name.optional(), at: isoSeconds, note: text.optional() }).optional(),
  document: z.object({ ready: z.boolean(), at: isoSeconds }).optional(),
  acknowledgement: z.object({ reason: text, by: name.optional(), at: isoSeconds }).optional(),
  owner: name.optional(),
  /** The latest of the item's `at` times; absent when only an owner is set (owners carry no time in the draft). */
  changedAt: isoSeconds.optional(),
});

export const FindingsSummary = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
  confirm: z.number().int().nonnegative(),
});

export const Share = z.object({
  format: z.literal(SHARE_FORMAT),
  version: z.literal(SHARE_VERSION),
  packId: z.string().regex(/^[a-z0-9-]+$/),
  packVersion: z.number().int().positive(),
  direction: z.string().regex(/^\d+\.\d+$/),
  sharedBy: name.optional(),
  sharedAt: isoSeconds,
  items: z
    .record(
      z
        .string()
        .regex(/^[a-z0-9.*/-]+$/)
        .max(200),
      ShareItem,
    )
    .refine((items) => Object.keys(items).length <= 1000, '条目过多 / Too many items'),
  findingsSummary: FindingsSummary,
  /** Field contents, only those the sharer ticked in */
  fields: z.record(z.string().max(300), z.string().max(100_000)).optional(),
});

export type ShareItemStatus = z.infer<typeof ShareItemStatus>;
export type ShareItem = z.infer<typeof ShareItem>;
export type FindingsSummary = z.infer<typeof FindingsSummary>;
export type Share = z.infer<typeof Share>;
