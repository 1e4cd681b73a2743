import { CLOCK_SKEW_MS, EARLIEST_TIME_MS, LATEST_TIME_MS } from '../clock/skew';

/**
 * Share times are whole seconds: the share code stores seconds, so a file and a code of the same share are equal.
 * An unreadable time becomes the epoch, the oldest possible, so any real change wins over it in a merge.
 */
export function toIsoSeconds(iso: string): string {
  return new Date(toSeconds(iso) * 1000).toISOString();
}

export function toSeconds(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

export function fromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Whether a time in seconds lies in the range any real share can carry (lib/clock/skew.ts). */
export function inTimeRange(seconds: number): boolean {
  return Number.isFinite(seconds) && seconds * 1000 >= EARLIEST_TIME_MS && seconds * 1000 <= LATEST_TIME_MS;
}

/**
 * The latest time a teammate's change may carry and still be ordered against ours: no later than the share itself
 * was made, nor than now, each allowing CLOCK_SKEW_MS. A later time (a share item dated 2099) is not believed:
 * the item becomes a conflict the user chooses, instead of winning every merge.
 */
export function latestBelievable(sharedAt: string | undefined, now: Date): number {
  const limit = Math.floor((now.getTime() + CLOCK_SKEW_MS) / 1000);
  return sharedAt === undefined ? limit : Math.min(limit, toSeconds(sharedAt) + CLOCK_SKEW_MS / 1000);
}
