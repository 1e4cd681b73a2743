/** ISO dates (YYYY-MM-DD) and whole-month spans, for durations such as 执行期 "不超过3年". */

interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseIsoDate(value: unknown): Ymd | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Rejects 2021-02-30 and the like, which Date would silently roll over.
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return { y, m, d };
}

/**
 * Whole months from `start` to `end`, both days included: 2020-01-01 → 2021-12-31 is 24.
 * The end date is the project's last day, so the span runs to the day after it; a trailing part month is not counted.
 */
export function wholeMonthsBetween(start: string, end: string): number | undefined {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  if (!from || !to) return undefined;
  const after = new Date(Date.UTC(to.y, to.m - 1, to.d + 1));
  let months = (after.getUTCFullYear() - from.y) * 12 + (after.getUTCMonth() + 1 - from.m);
  if (after.getUTCDate() < from.d) months -= 1;
  return months;
}
