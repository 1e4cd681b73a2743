import type { Control } from '../portal/locate';
import type { MarkerView } from './view';
import { isLive } from '../portal/live';

/** A marker with its viewport position. */
export interface PlacedMarker {
  ruleId: string;
  severity: MarkerView['severity'];
  text: string;
  top: number;
  left: number;
}

/** Viewport position of a control, adding the offsets of the iframes it sits in. */
export function viewportRect(control: Element, top: Window): DOMRect | undefined {
  const rect = control.getBoundingClientRect();
  let x = rect.left;
  let y = rect.top;
  let win = control.ownerDocument.defaultView;
  while (win && win !== top) {
    const frame = win.frameElement;
    if (!frame) return undefined;
    const f = frame.getBoundingClientRect();
    x += f.left + (frame as HTMLElement).clientLeft;
    y += f.top + (frame as HTMLElement).clientTop;
    win = frame.ownerDocument.defaultView;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}

/** Markers sit just right of their field; hidden fields get none. */
export function placeMarkers(
  markers: MarkerView[],
  controlFor: (path: string) => Control | undefined,
  top: Window,
): PlacedMarker[] {
  const placed: PlacedMarker[] = [];
  for (const m of markers) {
    // a control of a frame page that has just gone (until the fields are located again) gets no marker
    const control = m.paths.map(controlFor).find((c) => c !== undefined && isLive(c));
    const rect = control && viewportRect(control, top);
    if (!rect || (rect.width === 0 && rect.height === 0)) continue;
    placed.push({
      ruleId: m.ruleId,
      severity: m.severity,
      text: m.text,
      top: rect.top + rect.height / 2 - 9,
      left: rect.right + 4,
    });
  }
  return placed;
}

/** Scrolls a control into view and focuses it, also inside an iframe. */
export function focusControl(control: Control): void {
  control.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}
