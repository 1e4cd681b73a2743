/**
 * Timestamps in the report read as Beijing time (UTC+8, no daylight saving): the portal, its deadlines and
 * the 单位管理员 who signs the sheet all run on it, and a fixed zone keeps the builders pure.
 */
const beijingOffsetMs = 8 * 60 * 60 * 1000;

/** "2026-11-23 14:05"; a string that is not a date is returned as it is. */
export function beijingDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + beijingOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** "20261123", for file names; empty when the string is not a date. */
export function beijingCompactDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + beijingOffsetMs).toISOString().slice(0, 10).replaceAll('-', '');
}
