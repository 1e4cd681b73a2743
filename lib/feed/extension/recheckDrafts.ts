import type { Draft } from '../../drafts/model';
import { evaluate, findDirection } from '../../engine/evaluate';
import type { RulePack } from '../../packs/schema';
import type { FieldMap } from '../../portal/fieldMapSchema';
import { applicationFromFields } from '../../portal/fromFields';

/** A saved draft that fails error-severity rules of a newly applied pack. */
export interface FailingDraft {
  key: string;
  title: string;
  packId: string;
  direction: string;
  ruleIds: string[];
}

/** The drafts of the given packs that now fail at least one error-severity rule. */
export function failingDrafts(drafts: Draft[], packs: RulePack[], fieldMap: FieldMap): FailingDraft[] {
  const out: FailingDraft[] = [];
  for (const draft of drafts) {
    const pack = packs.find((p) => p.id === draft.guideline);
    if (!pack || !draft.direction || draft.deletedAt || !findDirection(pack, draft.direction)) continue;
    const findings = evaluate(pack, draft.direction, applicationFromFields(draft.fields, fieldMap), draft.checklist);
    const ruleIds = findings.filter((f) => f.severity === 'error' && f.status === 'fail').map((f) => f.ruleId);
    if (ruleIds.length)
      out.push({
        key: draft.key,
        title: draft.title || draft.key,
        packId: pack.id,
        direction: draft.direction,
        ruleIds,
      });
  }
  return out;
}
