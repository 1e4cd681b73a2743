import type { RuleKind } from '../packs/schema';
import type { LeafResult } from './result';
import type { FindingStatus, Severity, Section } from '../core/vocabulary';

/** One rule's verdict on one application, with the values that decided it. */
export interface Finding {
  ruleId: string;
  /** The pack the rule comes from (a guideline's, an institution's layer, or "input" for the built-in rules). */
  pack?: string;
  kind: RuleKind;
  severity: Severity;
  section: Section;
  status: FindingStatus;
  fields: string[];
  /** The deciding leaf results (actual / expected values). */
  detail: LeafResult[];
  /** Empty paths among the deciding leaves: what to fill in to decide (or satisfy) the rule. */
  missing: string[];
  /** What settled a confirm or document rule. */
  evidence?: { source: 'checklist' | 'attachment'; by?: string; at?: string; note?: string };
}
