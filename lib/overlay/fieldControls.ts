import { formPaths } from '../i18n/labels';
import type { Control, PageMap } from '../portal/locate';

/** The first located control of a model or context path, for markers and click-to-field. */
export function controlFor(map: PageMap, path: string): Control | undefined {
  for (const candidate of formPaths(path)) {
    const field = map.fields.find((f) => f.spec.path === candidate);
    if (field) return field.controls[0];
    const [list, index, column] = candidate.split('.');
    const row = map.lists.find((l) => l.spec.path === list)?.rows[Number(index)];
    const control = row?.get(column ?? '')?.[0];
    if (control) return control;
  }
  return undefined;
}
