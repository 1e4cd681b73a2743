/**
 * Puts `parent`'s children in the order of `order` (the same elements) by moving as few as possible: the longest run
 * of them already in order stays, each other one is inserted before its successor. A moved element is restyled and
 * laid out again by the browser; React, given a list whose item moved up, moves every item it passed instead.
 */
export function arrangeChildren(parent: Element, order: readonly Element[]): void {
  const at = new Map(Array.from(parent.children, (child, n) => [child, n]));
  const stays = increasingRun(order.map((child) => at.get(child) ?? -1));
  for (let n = order.length - 1; n >= 0; n--) if (!stays.has(n)) parent.insertBefore(order[n]!, order[n + 1] ?? null);
}

/** The indices of a longest strictly increasing subsequence of `xs` (patience sorting, O(n log n)); -1 never stays. */
function increasingRun(xs: readonly number[]): Set<number> {
  /** tails[k]: index in xs of the smallest last value of an increasing run of length k + 1 */
  const tails: number[] = [];
  const previous: number[] = [];
  xs.forEach((x, n) => {
    if (x < 0) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < x) lo = mid + 1;
      else hi = mid;
    }
    previous[n] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = n;
  });
  const run = new Set<number>();
  for (let n = tails.at(-1) ?? -1; n >= 0; n = previous[n]!) run.add(n);
  return run;
}
