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

/** The located controls of some paths: fields, whole lists, list rows ("participants.7"). */
export function controlsAt(map: PageMap, paths: string[]): Control[] {
  const out: Control[] = [];
  for (const path of paths) {
    const field = map.fields.find((f) => f.spec.path === path);
    if (field) out.push(...field.controls);
    for (const list of map.lists) {
      const row = path.startsWith(`${list.spec.path}.`) ? Number(path.slice(list.spec.path.length + 1)) : undefined;
      if (path !== list.spec.path && row === undefined) continue;
      for (const cells of row === undefined ? list.rows : list.rows.slice(row, row + 1))
        for (const cs of cells.values()) out.push(...cs);
    }
  }
  return out;
}
