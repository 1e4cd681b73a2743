// @vitest-environment happy-dom
// The panel's list puts its rows in reading order by moving as few as possible (a moved row is laid out again).
import { describe, expect, it } from 'vitest';
import { arrangeChildren } from '@/lib/overlay/childOrder';

/** A list with `n` items named 0…n-1 in that order, and the items moved while arranging it */
function list(n: number) {
  const ul = document.createElement('ul');
  for (let i = 0; i < n; i++) ul.append(Object.assign(document.createElement('li'), { id: String(i) }));
  const moved: string[] = [];
  const insertBefore = ul.insertBefore.bind(ul);
  ul.insertBefore = <T extends Node>(node: T, child: Node | null) => {
    moved.push((node as unknown as Element).id);
    return insertBefore(node, child);
  };
  const arrange = (ids: number[]) =>
    arrangeChildren(
      ul,
      ids.map((id) => ul.querySelector(`[id="${id}"]`)!),
    );
  const ids = () => Array.from(ul.children, (li) => Number(li.id));
  return { arrange, ids, moved };
}

/** The fewest moves that sort `xs`: its length less its longest increasing subsequence (quadratic, for the test) */
function fewestMoves(xs: number[]): number {
  const run = xs.map(() => 1);
  for (let i = 0; i < xs.length; i++)
    for (let j = 0; j < i; j++) if (xs[j]! < xs[i]!) run[i] = Math.max(run[i]!, run[j]! + 1);
  return xs.length - Math.max(0, ...run);
}

/** A seeded shuffle, so a failure repeats */
function shuffled(n: number, seed: number): number[] {
  const xs = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

describe('arrangeChildren', () => {
  it('moves only an item that moved up, not the items it passed', () => {
    const { arrange, ids, moved } = list(8);
    arrange([0, 6, 1, 2, 3, 4, 5, 7]);
    expect(ids()).toEqual([0, 6, 1, 2, 3, 4, 5, 7]);
    expect(moved).toEqual(['6']);
  });

  it('moves only an item that moved down', () => {
    const { arrange, ids, moved } = list(8);
    arrange([0, 2, 3, 4, 5, 1, 6, 7]);
    expect(ids()).toEqual([0, 2, 3, 4, 5, 1, 6, 7]);
    expect(moved).toEqual(['1']);
  });

  it('moves nothing when the items are in order already', () => {
    const { arrange, ids, moved } = list(5);
    arrange([0, 1, 2, 3, 4]);
    expect(ids()).toEqual([0, 1, 2, 3, 4]);
    expect(moved).toEqual([]);
  });

  it('puts any order in place with the fewest moves', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const n = 1 + (seed % 40);
      const order = shuffled(n, seed);
      const { arrange, ids, moved } = list(n);
      arrange(order);
      expect(ids()).toEqual(order);
      // each item of the list's current order, by its place in the wanted order
      expect(moved.length).toBe(fewestMoves(Array.from({ length: n }, (_, i) => order.indexOf(i))));
    }
  });
});
