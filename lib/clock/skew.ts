/**
 * How far another computer's clock (a feed publisher's, a teammate's) may run ahead of this one before a
 * time it wrote counts as "in the future": generous for unsynchronised office PCs, small against a share
 * item dated 2099 to win every merge or a feed timestamp that never goes stale.
 */
export const CLOCK_SKEW_MS = 60 * 60_000;

/** Earliest and latest times we read from shared or downloaded data; outside is refused, never thrown on. */
export const EARLIEST_TIME_MS = Date.UTC(2000, 0, 1);
export const LATEST_TIME_MS = Date.UTC(2200, 0, 1);
