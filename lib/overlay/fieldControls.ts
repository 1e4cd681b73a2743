import type { Control, PageMap } from '../portal/locate';

/**
 * Where a path shows on the form: derived facts point at their sources (units.0 is the lead unit,
 * units.N participant N-1; durationMonths the end date) and a list path without an index at its first row.
 */
export function controlPaths(path: string): string[] {
  if (path === 'project.durationMonths') return ['project.endDate', 'project.startDate'];
  const unit = /^units\.(\d+)\.(.+)$/.exec(path);
  if (unit) return Number(unit[1]) === 0 ? [`leadUnit.${unit[2]}`] : [`participants.${Number(unit[1]) - 1}.${unit[2]}`];
  const listColumn = /^(participants|foreignPartners|attachments)\.([a-zA-Z]+)$/.exec(path);
  if (listColumn) return [`${listColumn[1]}.0.${listColumn[2]}`];
  return [path];
}

/** The first located control of a model or context path, for markers and click-to-field. */
export function controlFor(map: PageMap, path: string): Control | undefined {
  for (const candidate of controlPaths(path)) {
    const field = map.fields.find((f) => f.spec.path === candidate);
    if (field) return field.controls[0];
    const [list, index, column] = candidate.split('.');
    const row = map.lists.find((l) => l.spec.path === list)?.rows[Number(index)];
    const control = row?.get(column ?? '')?.[0];
    if (control) return control;
  }
  return undefined;
}
