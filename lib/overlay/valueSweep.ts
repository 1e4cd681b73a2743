import { type Control, isChoice, type PageMap } from '../portal/locate';

/** How often the idle sweep looks for values set by script (date pickers, comboboxes writing `.value`). */
export const SWEEP_INTERVAL_MS = 1000;

const controlValue = (c: Control) => (isChoice(c) ? String(c.checked) : c.value);

/** Every control the field map located: single fields and list cells. */
export function locatedControls(map: PageMap): Control[] {
  const out = map.fields.flatMap((f) => f.controls);
  for (const list of map.lists) for (const row of list.rows) for (const cell of row.values()) out.push(...cell);
  return out;
}

/**
 * Values widgets set without input or change events: compares each control with what it showed last time.
 * Reads `.value` only (no layout), so a sweep over thousands of controls stays well under a millisecond or two.
 */
export function createValueSweep() {
  const seen = new WeakMap<Element, string>();
  return {
    remember(controls: Control[]) {
      for (const c of controls) seen.set(c, controlValue(c));
    },
    /** Controls whose value changed since they were last seen (now remembered with the new value) */
    changed(controls: Control[]): Control[] {
      const out: Control[] = [];
      for (const c of controls) {
        let v: string;
        try {
          v = controlValue(c);
        } catch {
          continue; // a control of a frame page that has gone (a dead object in Firefox) until located again
        }
        const before = seen.get(c);
        if (before !== undefined && before !== v) out.push(c);
        seen.set(c, v);
      }
      return out;
    },
  };
}
