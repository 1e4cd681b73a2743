import type { Application } from '../../application/model';
import type { Draft } from '../../drafts/model';
import { evaluate, findDirection } from '../../engine/evaluate';
import { layersFor } from '../../packs/origin';
import type { RulePack } from '../../packs/schema';
import { convert, setPath } from '../../portal/read';
import type { FieldType, FieldMap } from '../../portal/fieldMapSchema';
import { emptyApplication } from '../../core/vocabulary';

/** A saved draft that fails error-severity rules of a newly applied pack. */
export interface FailingDraft {
  key: string;
  title: string;
  packId: string;
  direction: string;
  ruleIds: string[];
}

interface FieldInfo {
  type: FieldType;
  label: string;
}

/** Model path → type and label, for single fields ("project.startDate") and list columns ("participants.*.type"). */
function fieldInfo(fieldMap: FieldMap): (path: string) => FieldInfo | undefined {
  const single = new Map(fieldMap.fields.map((f) => [f.path, { type: f.type ?? 'text', label: f.labels?.[0] ?? '' }]));
  const columns = new Map<string, FieldInfo>(
    (fieldMap.lists ?? []).flatMap((list) =>
      list.columns.map(
        (c) => [`${list.path}.*.${c.path}`, { type: c.type ?? 'text', label: c.labels?.[0] ?? '' }] as const,
      ),
    ),
  );
  return (path) => single.get(path) ?? columns.get(path.replace(/\.\d+\./, '.*.'));
}

/**
 * Rebuilds an application from a draft's raw values (keyed by model path, as the content script saves
 * them) with the same conversions the page reader uses. Keys the fieldMap does not know are left out.
 */
export function applicationFromFields(fields: Record<string, string>, fieldMap: FieldMap): Application {
  const info = fieldInfo(fieldMap);
  const app: Record<string, unknown> = emptyApplication();
  for (const [path, text] of Object.entries(fields)) {
    const field = info(path);
    if (!field || path === 'direction') continue;
    const value = convert(text.trim(), field.type, field.label, fieldMap.vocabularies);
    if (value !== undefined) setPath(app, path, value);
  }
  for (const [key, value] of Object.entries(app))
    if (Array.isArray(value)) app[key] = value.filter((row) => row !== undefined);
  return app as Application;
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
