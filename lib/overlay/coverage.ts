/** The panel's box in the viewport (a DOMRect) */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Points per side of the sampling grid over the panel */
const GRID = 3;

/**
 * Whether the page hides the panel: our layer is not on top at most of the points of a 3×3 grid over the panel's box.
 * Each point is the centre of one ninth of the box, so the count of hidden points estimates how much of the panel is
 * hidden. Most (5 of 9), not any: a portal's fixed header or footer over an edge of a tall panel leaves it usable,
 * while a cover with a hole where a single centre point would look leaves it unusable. A point outside the viewport
 * (the browser finds nothing there) counts as hidden; a panel without a box is hidden.
 */
export function panelHidden(doc: Pick<Document, 'elementFromPoint'>, box: Box, ours: Element): boolean {
  if (box.width <= 0 || box.height <= 0) return true;
  let hidden = 0;
  for (let row = 0; row < GRID; row++)
    for (let column = 0; column < GRID; column++) {
      const x = box.left + ((column + 0.5) * box.width) / GRID;
      const y = box.top + ((row + 0.5) * box.height) / GRID;
      if (doc.elementFromPoint(x, y) !== ours) hidden++;
    }
  return hidden * 2 > GRID * GRID;
}
