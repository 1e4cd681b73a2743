// Issue 12: the popup says the panel is blocked when the page hides most of it, not when one point of it is covered.
import { describe, expect, it } from 'vitest';
import { type Box, panelHidden } from '@/lib/overlay/coverage';

const VIEWPORT = { left: 0, top: 0, width: 1280, height: 720 };
/** The panel docked right, full height */
const PANEL: Box = { left: 920, top: 0, width: 360, height: 720 };

const inside = (b: Box, x: number, y: number) =>
  x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height;

/**
 * A page as elementFromPoint sees it: the page's covers on top (later ones higher), then our layer's host over the
 * panel's box, then the page's body; nothing outside the viewport.
 */
function fakeDocument(covers: Box[], options: { layerRemoved?: boolean } = {}) {
  const ours = { id: 'guidecheck-overlay' } as unknown as Element;
  const cover = { id: 'cover' } as unknown as Element;
  const body = { id: 'body' } as unknown as Element;
  const asked: [number, number][] = [];
  const doc = {
    elementFromPoint(x: number, y: number) {
      asked.push([x, y]);
      if (!inside(VIEWPORT, x, y)) return null;
      if (covers.some((c) => inside(c, x, y))) return cover;
      if (!options.layerRemoved && inside(PANEL, x, y)) return ours;
      return body;
    },
  };
  return { doc, ours, asked };
}

const hidden = (covers: Box[], box = PANEL, options?: { layerRemoved?: boolean }) => {
  const { doc, ours } = fakeDocument(covers, options);
  return panelHidden(doc, box, ours);
};

/** A part of the panel's box, by fractions of it */
const part = (x0: number, y0: number, x1: number, y1: number): Box => ({
  left: PANEL.left + x0 * PANEL.width,
  top: PANEL.top + y0 * PANEL.height,
  width: (x1 - x0) * PANEL.width,
  height: (y1 - y0) * PANEL.height,
});

describe('panelHidden', () => {
  it.each<[string, Box[], boolean]>([
    ['nothing over the panel', [], false],
    ['the whole page covered', [VIEWPORT], true],
    ['a fixed header over the top third', [{ left: 0, top: 0, width: 1280, height: 240 }], false],
    ['a header and a footer, a third each', [part(0, 0, 1, 1 / 3), part(0, 2 / 3, 1, 1)], true],
    ['the lower two thirds', [part(0, 1 / 3, 1, 1)], true],
    ['the left half (two of three columns)', [part(0, 0, 0.6, 1)], true],
    ['the left third', [part(0, 0, 1 / 3, 1)], false],
    // the old single centre point called this blocked: a small box over the middle leaves the panel usable
    ['a small box over the centre only', [part(0.4, 0.45, 0.6, 0.55)], false],
    // and this one free: the page covers all but a hole at the centre
    [
      'all but a hole at the centre',
      [part(0, 0, 1, 0.45), part(0, 0.55, 1, 1), part(0, 0, 0.4, 1), part(0.6, 0, 1, 1)],
      true,
    ],
  ])('%s → hidden %s', (_, covers, expected) => {
    expect(hidden(covers)).toBe(expected);
  });

  it('four points of nine hidden is not most of the panel; five is', () => {
    // the top row (3 points) and the middle row's left point
    const four = [part(0, 0, 1, 1 / 3), part(0, 1 / 3, 1 / 3, 2 / 3)];
    expect(hidden(four)).toBe(false);
    expect(hidden([...four, part(1 / 3, 1 / 3, 2 / 3, 2 / 3)])).toBe(true);
  });

  it('our layer taken out of the page: hidden', () => {
    expect(hidden([], PANEL, { layerRemoved: true })).toBe(true);
  });

  it('a panel with no box (not laid out) or moved out of the viewport: hidden', () => {
    expect(hidden([], { ...PANEL, width: 0 })).toBe(true);
    expect(hidden([], { ...PANEL, left: 1280 })).toBe(true);
  });

  it('the folded rail (narrow, full height) is sampled over its own box', () => {
    const rail: Box = { left: 1244, top: 0, width: 36, height: 720 };
    const { doc, ours, asked } = fakeDocument([]);
    // the fake's layer covers the whole panel's box, so the rail is ours wherever it is sampled
    expect(panelHidden(doc, rail, ours)).toBe(false);
    expect(asked).toHaveLength(9);
    expect(asked.every(([x, y]) => inside(rail, x, y))).toBe(true);
    expect(hidden([{ left: 1240, top: 0, width: 40, height: 720 }], rail)).toBe(true);
  });
});
