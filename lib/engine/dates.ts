/** ISO dates (YYYY-MM-DD) and day-precise spans, for durations such as 执行期 "不超过3年". */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A real calendar date written YYYY-MM-DD, or undefined (2019-02-30, 2019/02/01, "20190201"). */
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

const dayNumber = (date: Ymd) => Date.UTC(date.y, date.m - 1, date.d) / 86_400_000;

function fromUtc(ms: number): Ymd {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromUtc(Date.UTC(date.y, date.m - 1, date.d + days));
}

export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `date` plus `months` calendar months, the day clamped to the month's end (01-31 + 1 month → 02-28/29). */
export function addMonths(date: Ymd, months: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, lastDayOfMonth(y, m)) };
}

export function compareDates(a: Ymd, b: Ymd): number {
  return dayNumber(a) - dayNumber(b);
}

/** Whole months and the days left over, from `start` to `end` with both days included. */
export interface Span {
  months: number;
  days: number;
}

/**
 * The span of a project running from `start` to `end` inclusive: 2020-01-01 → 2021-12-31 is 24 months 0 days,
 * 2020-01-01 → 2023-01-01 is 36 months 1 day. Undefined for an invalid date or an end before the start.
 */
export function spanBetween(start: unknown, end: unknown): Span | undefined {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  if (!from || !to || compareDates(to, from) < 0) return undefined;
  const after = addDays(to, 1);
  let months = (after.y - from.y) * 12 + (after.m - from.m);
  while (months > 0 && compareDates(addMonths(from, months), after) > 0) months -= 1;
  return { months, days: compareDates(after, addMonths(from, months)) };
}

/**
 * A span as one number of months, exact to the day: whole months plus days / 31. Days never reach 31, so
 * "at most 36 months" fails from the first day over (36 months 1 day → 36.03), and the day count can be read back.
 */
export function spanInMonths(span: Span): number {
  return span.months + span.days / 31;
}

/** "36 个月 1 天" / "36 months 1 day" for a month count made by `spanInMonths`. */
export function describeMonths(months: number, lang: 'zh' | 'en'): string {
  const whole = Math.floor(months + 1e-9);
  const days = Math.round((months - whole) * 31);
  if (lang === 'zh') return days ? `${whole} 个月 ${days} 天` : `${whole} 个月`;
  const m = `${whole} month${whole === 1 ? '' : 's'}`;
  return days ? `${m} ${days} day${days === 1 ? '' : 's'}` : m;
}

/**
 * The conventional last days of a project of exactly `months` from `start`: the day before the same date
 * `months` later (2020-03-15 + 24 → 2022-03-14), and the end of that month (2022-03-31).
 */
export function conventionalEnds(start: Ymd, months: number): [Ymd, Ymd] {
  const dayBefore = addDays(addMonths(start, months), -1);
  return [dayBefore, { ...dayBefore, d: lastDayOfMonth(dayBefore.y, dayBefore.m) }];
}

/** Whole years from `birth` to `on` (the age on that day). */
export function yearsOn(birth: Ymd, on: Ymd): number {
  const beforeBirthday = on.m < birth.m || (on.m === birth.m && on.d < birth.d);
  return on.y - birth.y - (beforeBirthday ? 1 : 0);
}
