import type { Draft } from '../../drafts/model';
import { evaluate, findDirection } from '../../engine/evaluate';
import { layersFor } from '../../packs/origin';
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

/**
 * The drafts that now fail at least one error-severity rule because `changed` packs were applied: drafts of a
 * changed guideline, and drafts of any guideline a changed institution layer adds rules to. `active` is every pack
 * in use after the change (the changed ones included): each draft is checked with its guideline and its layers.
 */
export function failingDrafts(
  drafts: Draft[],
  changed: RulePack[],
  fieldMap: FieldMap,
  active: RulePack[] = changed,
): FailingDraft[] {
  const changedIds = new Set(changed.map((p) => p.id));
  const out: FailingDraft[] = [];
  for (const draft of drafts) {
    const pack = active.find((p) => p.id === draft.guideline) ?? changed.find((p) => p.id === draft.guideline);
    if (!pack || !draft.direction || draft.deletedAt || !findDirection(pack, draft.direction)) continue;
    const layers = layersFor(pack, draft.direction, active);
    if (!changedIds.has(pack.id) && !layers.some((l) => changedIds.has(l.id))) continue;
    const application = applicationFromFields(draft.fields, fieldMap);
    const findings = evaluate(pack, draft.direction, application, draft.checklist, layers);
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
