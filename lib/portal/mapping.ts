import { type Control, columnHeaderOf, labelOf } from './locate';
import { controlScope } from './scope';
import type { FieldSpec, FieldMap } from './fieldMapSchema';

/**
 * Mapping mode: on a page whose labels the field map does not know, the user clicks a field and says which
 * application field it is. The answers form a field-map patch: used at once on this host and form, and
 * exportable for an admin to merge into rules/portal/*.json.
 */

export interface MappingEntry {
  path: string;
  /** The control's own name (preferred) or id, matched exactly */
  name?: string;
  id?: string;
  /** The label printed beside it (a list column: its header), cleaned, so the patch also works when names change */
  label?: string;
  /** Where the control sits (frames, heading or dialog): the same name elsewhere on the page is another control */
  scope?: string;
}

export interface FieldMapPatch {
  format: 'guidecheck-field-map-patch';
  version: 1;
  /** The field map's id (key kept as `profile`: patches are stored in users' browsers) */
  profile: string;
  host: string;
  /** The form's path on the host, e.g. /egrantweb/xmsb/apply-v2.html */
  form: string;
  entries: MappingEntry[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The patch entry for a picked control. `column`: the path names a list column ("participants.name"): the entry is
 * the column's header, whichever row was picked.
 */
export function entryFor(control: Control, path: string, column = false): MappingEntry {
  if (column) return { path, label: columnHeaderOf(control) };
  return {
    path,
    name: control.name || undefined,
    id: control.name ? undefined : control.id || undefined,
    label: labelOf(control),
    scope: controlScope(control) || undefined,
  };
}

/** Adds (or replaces) the entry for `entry.path`. */
export function withEntry(patch: FieldMapPatch, entry: MappingEntry): FieldMapPatch {
  return { ...patch, entries: [...patch.entries.filter((e) => e.path !== entry.path), entry] };
}

function specFromEntry(entry: MappingEntry): { labels: string[]; names: string[]; scope?: string } {
  const key = entry.name ?? entry.id;
  return {
    labels: entry.label ? [entry.label] : [],
    names: key ? [`^${escapeRegExp(key)}$`] : [],
    ...(key && entry.scope !== undefined ? { scope: entry.scope } : {}),
  };
}

/**
 * The field map with the patch applied: a mapped field is found by the user's control first (name, then
 * its label), then by the field map's own labels. Paths the field map lacks become new fields.
 */
export function applyPatch<P extends Pick<FieldMap, 'fields' | 'lists'>>(
  fieldMap: P,
  patch: FieldMapPatch | undefined,
): P {
  if (!patch?.entries.length) return fieldMap;
  const byPath = new Map(patch.entries.map((e) => [e.path, e]));
  // A list column the user mapped is known by the header they picked it under, first.
  const lists = (fieldMap.lists ?? []).map((list) => ({
    ...list,
    columns: list.columns.map((col) => {
      const entry = byPath.get(`${list.path}.${col.path}`);
      if (!entry) return col;
      byPath.delete(entry.path);
      return entry.label ? { ...col, labels: [entry.label, ...(col.labels ?? [])] } : col;
    }),
  }));
  const fields = fieldMap.fields.map((spec): FieldSpec => {
    const entry = byPath.get(spec.path);
    if (!entry) return spec;
    byPath.delete(spec.path);
    const mapped = specFromEntry(entry);
    // The exact name comes first and the index no longer applies: the user pointed at this very control.
    return {
      ...spec,
      names: mapped.names,
      labels: mapped.names.length ? [] : [...mapped.labels, ...(spec.labels ?? [])],
      ownLabels: [],
      scope: mapped.scope,
      index: 0,
      section: [],
    };
  });
  for (const entry of byPath.values()) fields.push({ path: entry.path, ...specFromEntry(entry) });
  return { ...fieldMap, fields, lists };
}

export function emptyPatch(fieldMapId: string, host: string, form: string): FieldMapPatch {
  return { format: 'guidecheck-field-map-patch', version: 1, profile: fieldMapId, host, form, entries: [] };
}
