import type { Application } from '../application/model';
import { emptyApplication } from '../core/vocabulary';
import type { FieldMap, FieldType } from './fieldMapSchema';
import { convert, setPath } from './read';

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
