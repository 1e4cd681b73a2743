import { z } from 'zod';
import { sections, severities } from '../core/vocabulary';
import { ConditionSchema } from './conditionSchema';

/**
 * The rule-pack format an institutional admin reads and edits (see rules/*.json).
 * One pack per guideline; `version` rises with every published change.
 * Validated here, in the background and in the CLI; the content script receives packs already validated.
 * Every object is strict: a misspelt key ("wehn") is an error with its path, never a silently ignored rule part.
 */

export const PACK_SCHEMA_VERSION = 1;

export const Text = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const RuleKind = z.enum(['check', 'confirm', 'document']);
export const Severity = z.enum(severities);
export const Section = z.enum(sections);

/** Condition: all / any / not over the operator registry (lib/engine/condition.ts). */
export { ConditionSchema };

export const Rule = z.strictObject({
  /** Stable id, never reused: `<pack>/<direction or *>/<slug>` e.g. "2019-intl-1/1.7/duration-max-2y" */
  id: z.string().regex(/^[a-z0-9.*/-]+$/),
  kind: RuleKind,
  severity: Severity,
  section: Section,
  title: Text,
  /** Why the rule exists, in plain words. */
  explain: Text,
  /** Shown when a check fails; `{actual}`, `{expected}`, `{min}`, `{max}` are filled from the deciding values. */
  message: Text.optional(),
  /** The guideline sentence this rule comes from, quoted exactly (PDF line breaks removed). */
  quote: z.string().min(4),
  /** Application fields the rule concerns, so the overlay can point at them. */
  fields: z.array(z.string()).default([]),
  /** The rule applies only when this holds (otherwise "not applicable"). */
  when: ConditionSchema.optional(),
  /** For kind "check": the condition that must hold. */
  check: ConditionSchema.optional(),
  /**
   * For kind "check": while the fields cannot decide it (a partner's memberships left empty), the rule becomes a
   * confirmation the applicant answers in the checklist, instead of staying "unknown" forever.
   */
  confirmWhenUnknown: z.boolean().optional(),
  /** For kind "document": the attachment kind that satisfies it (lib/application/model.ts attachmentKinds). */
  attachmentKind: z.string().optional(),
});

export const PlannedProjects = z.strictObject({
  min: z.number().int().nonnegative(),
  max: z.number().int().nonnegative(),
  /** "左右": about */
  approx: z.boolean().default(false),
  /** As printed, e.g. "20-25 个左右" */
  text: z.string(),
});

export const Contact = z.strictObject({
  name: z.string(),
  organization: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  fax: z.string().optional(),
  website: z.string().optional(),
});

export const Area = z.strictObject({ name: z.string(), subAreas: z.array(z.string()).default([]) });

export const Direction = z.strictObject({
  /** As printed: "1.4" */
  code: z.string().regex(/^\d+\.\d+$/),
  title: Text,
  agreements: z.array(z.string()).default([]),
  areas: z.array(Area).default([]),
  plannedProjects: PlannedProjects.optional(),
  /** 共拟支持经费, 万元 */
  totalBudget: z.strictObject({ amount: z.number().nonnegative(), text: z.string() }).optional(),
  /** Duration as printed, e.g. "原则上不超过3年" */
  durationText: z.string().optional(),
  contacts: z.array(Contact).default([]),
  rules: z.array(Rule).default([]),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RulePack = z.strictObject({
  schema: z.literal(PACK_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  title: Text,
  source: z.strictObject({
    title: z.string(),
    issuer: z.string(),
    year: z.number().int(),
    batch: z.string().optional(),
  }),
  published: isoDate,
  expires: isoDate,
  /** A guideline's directions; an institution's pack may have none and only add rules (see `extends`). */
  directions: z.array(Direction).default([]),
  /**
   * Rules shared by every direction of the pack. A pack without directions is an institution's layer: its
   * rules apply to every direction of every active guideline (通用条件).
   */
  rules: z.array(Rule).default([]),
  /** An institution's added rules for named directions of a named guideline pack, without copying it. */
  extends: z
    .array(
      z.strictObject({
        pack: z.string().regex(/^[a-z0-9-]+$/),
        directions: z
          .array(z.strictObject({ code: z.string().regex(/^\d+\.\d+$/), rules: z.array(Rule).min(1) }))
          .min(1),
      }),
    )
    .optional(),
});

export type Text = z.infer<typeof Text>;
export type RuleKind = z.infer<typeof RuleKind>;
export type Rule = z.infer<typeof Rule>;
export type Direction = z.infer<typeof Direction>;
export type RulePack = z.infer<typeof RulePack>;
export type Contact = z.infer<typeof Contact>;
export type PackExtension = NonNullable<RulePack['extends']>[number];
