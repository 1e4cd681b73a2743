/** Dot paths into plain data: "participants.2.type". Numeric segments index arrays. */

export function getPath(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

export function joinPath(prefix: string, path: string): string {
  return prefix ? `${prefix}.${path}` : path;
}

/** Empty as an applicant means it: not filled in, blank text or an empty list. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'number') return Number.isNaN(value);
  return false;
}

/** True when one path is the other or lies inside it ("participants" ~ "participants.2.type"). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
