/**
 * Per field, the writer (one page load of the portal form) that wrote it last, kept small: `most` wrote every field of
 * the draft that `by` does not name, and `by` names the others ('' for a field no writer wrote: an imported one). One
 * page load usually writes nearly all of a draft. A writer per field repeats every field's name: on a 2,000-field
 * form that was 99 KB of the 179 KB row each keystroke's commit reads and writes.
 *
 * The functions keep the meaning of the plain map exactly (`writerOf` answers as the map did, for every key), the
 * keystroke's update in time proportional to the fields it wrote, not to the draft.
 */
export interface FieldWriters {
  most?: string;
  by: Record<string, string>;
}

/** Below this many named fields a writer map is left as it is (re-choosing `most` walks every field). */
const REBALANCE_AT = 64;

/**
 * The writers of a stored row: `writers`, or the plain map rows kept before it (`fieldWriters`). Never changed in
 * place (the functions below return new ones), so the old map is used as it is.
 */
export function writersOf(
  row: { writers?: FieldWriters; fieldWriters?: Record<string, string> } | undefined,
): FieldWriters {
  return row?.writers ?? { by: row?.fieldWriters ?? {} };
}

/** Who wrote `key` last, if anyone (`fields`: the draft's fields the writers were kept for). */
export function writerOf(writers: FieldWriters, fields: Record<string, string>, key: string): string | undefined {
  if (Object.hasOwn(writers.by, key)) return writers.by[key] || undefined;
  return writers.most !== undefined && Object.hasOwn(fields, key) ? writers.most : undefined;
}

/**
 * After a save by `writer`: it wrote `written`, and `removed` left the draft (`before`, `after`: the draft's fields).
 * Time proportional to those fields, except when `by` has grown past half the draft: then `most` is chosen again
 * from every field.
 */
export function afterSave(
  writers: FieldWriters,
  writer: string,
  written: string[],
  removed: string[],
  before: Record<string, string>,
  after: Record<string, string>,
): FieldWriters {
  const by = { ...writers.by };
  // A removed field keeps its writer: the default covers only the draft's fields.
  if (writers.most !== undefined)
    for (const k of removed) if (Object.hasOwn(before, k) && !Object.hasOwn(by, k)) by[k] = writers.most;
  for (const k of written) {
    if (writer === writers.most && Object.hasOwn(after, k)) delete by[k];
    else by[k] = writer;
  }
  const next = { ...writers, by };
  const named = Object.keys(by).length;
  return named > REBALANCE_AT && named * 2 > Object.keys(after).length ? rebalanced(next, after) : next;
}

/**
 * The same writers for a draft whose fields changed without a writer (an import, a restored revision): a field new to
 * the draft has no writer, a field gone keeps its own.
 */
export function forFields(
  writers: FieldWriters,
  before: Record<string, string>,
  after: Record<string, string>,
): FieldWriters {
  if (writers.most === undefined) return writers;
  const by = { ...writers.by };
  for (const k in after) if (!Object.hasOwn(before, k) && !Object.hasOwn(by, k)) by[k] = '';
  for (const k in before) if (!Object.hasOwn(after, k) && !Object.hasOwn(by, k)) by[k] = writers.most;
  return { most: writers.most, by };
}

/** `most` re-chosen as the writer of the most fields; every answer of `writerOf` stays the same. */
function rebalanced(writers: FieldWriters, fields: Record<string, string>): FieldWriters {
  const count = new Map<string, number>();
  for (const k in fields) {
    const w = writerOf(writers, fields, k);
    if (w !== undefined) count.set(w, (count.get(w) ?? 0) + 1);
  }
  let most: string | undefined;
  for (const [w, n] of count) if (most === undefined || n > count.get(most)!) most = w;
  if (most === undefined || most === writers.most) return writers;
  const by: Record<string, string> = {};
  // Fields no longer in the draft keep their named writer; the draft's own are named unless `most` wrote them.
  for (const k in writers.by) if (!Object.hasOwn(fields, k)) by[k] = writers.by[k]!;
  for (const k in fields) {
    const w = writerOf(writers, fields, k) ?? '';
    if (w !== most) by[k] = w;
  }
  return { most, by };
}
