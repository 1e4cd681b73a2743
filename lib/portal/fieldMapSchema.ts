import { z } from 'zod';

/**
 * The field map: how the portal's form maps onto the application model (rules/portal/*.json).
 * Kept as data so an admin can correct it when the portal changes, and patched per host by mapping mode.
 */

const FieldType = z.enum(['text', 'date', 'amount', 'number', 'unitType', 'memberships', 'attachmentKind']);

export const FieldSpec = z.object({
  /** Application model path, e.g. "project.startDate", or "direction" */
  path: z.string(),
  /** What mapping mode calls the field, when the first label is not enough (执行期限 has a start and an end) */
  title: z.string().optional(),
  /**
   * Label texts as the portal may print them, compared by key (lib/portal/text.ts labelKey: no *, ：, spaces, units
   * in brackets or prefixes such as 项目/申请/拟; synonyms of `labelWords` written one way)
   */
  labels: z.array(z.string()).default([]),
  /**
   * Labels that name this field alone wherever they stand (项目负责人姓名, 开始日期): `section` and `index` do not
   * apply to them
   */
  ownLabels: z.array(z.string()).default([]),
  /** Regular expressions over a control's name or id, tried after labels */
  names: z.array(z.string()).default([]),
  /**
   * Where a control matched by `names` must sit (lib/portal/scope.ts: frames and heading or dialog, e.g.
   * "dialog:添加参与单位"), so a user's mapping of a dialog's `dwmc` is not the main form's `dwmc`
   */
  scope: z.string().optional(),
  /** Headings of the section the label must be under, when the same label appears twice (e.g. 单位名称) */
  section: z.array(z.string()).default([]),
  /** Which control of the value cell (e.g. 0 = start, 1 = end of 执行期限) */
  index: z.number().int().nonnegative().default(0),
  type: FieldType.default('text'),
  /**
   * A select's option codes as the portal's page sends them → the option's text (单位性质 "2" → "高等院校"): drafts
   * saved before selects were saved by their text are shown by it
   */
  options: z.record(z.string(), z.string()).optional(),
});

export const ListSpec = z.object({
  path: z.string(),
  columns: z.array(FieldSpec.omit({ section: true, index: true, ownLabels: true, scope: true })),
});

export const FieldMap = z.object({
  schema: z.literal(1),
  id: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  signature: z.object({ labels: z.array(z.string()).min(1), minMatches: z.number().int().positive() }),
  applicationId: z.object({ labels: z.array(z.string()), urlParams: z.array(z.string()) }),
  /**
   * The wording variety of such forms, as data: prefixes that change nothing and synonyms (the field map's word →
   * the other words portals print for it), applied to both the field map's and the page's labels.
   */
  labelWords: z
    .object({
      prefixes: z.array(z.string()).default([]),
      synonyms: z.record(z.string(), z.array(z.string())).default({}),
    })
    .default({ prefixes: [], synonyms: {} }),
  fields: z.array(FieldSpec),
  lists: z.array(ListSpec).default([]),
  vocabularies: z.object({
    memberships: z.record(z.string(), z.string()).default({}),
    attachmentKinds: z.record(z.string(), z.string()).default({}),
  }),
});

/**
 * The field map as written (defaults not filled in): the content script uses the bundled JSON without
 * loading zod, so code reading a field map treats every defaulted key as optional.
 */
export type FieldType = z.infer<typeof FieldType>;
export type FieldSpec = z.input<typeof FieldSpec>;
export type ListSpec = z.input<typeof ListSpec>;
export type FieldMap = z.input<typeof FieldMap>;
