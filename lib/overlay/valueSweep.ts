import { isLive } from '../portal/live';
import { type Control, isChoice, type PageMap } from '../portal/locate';

/** How often the idle sweep looks for values set by script (date pickers, comboboxes writing `.value`). */
export const SWEEP_INTERVAL_MS = 1000;
/**
 * How many controls one idle sweep looks at, going on where the last one stopped: its CPU stays a fraction of a
 * millisecond per second however large the form (a 2,400-control form is covered every 5 s, a 500-control one every
 * second). A focus change or a click, where the user just acted, still looks at every control.
 */
export const IDLE_SWEEP_CONTROLS = 500;

const controlValue = (c: Control) => (isChoice(c) ? String(c.checked) : c.value);

/** Every control the field map located: single fields and list cells. */
export function locatedControls(map: PageMap): Control[] {
  const out = map.fields.flatMap((f) => f.controls);
  for (const list of map.lists) for (const row of list.rows) for (const cell of row.values()) out.push(...cell);
  return out;
}

/**
 * Values widgets set without input or change events: compares each located control with what it showed last time.
 * Reads `.value` only (no layout), from flat arrays built once per page map: a sweep of every control costs about a
 * millisecond on a 2,400-control form, a share of them (`changedNext`) a fraction of that.
 */
export function createValueSweep() {
  /** Values of controls not in the current arrays (not located yet, or no longer) */
  const seen = new WeakMap<Element, string>();
  let located: PageMap | undefined;
  let controls: Control[] = [];
  let choice: boolean[] = [];
  let values: (string | undefined)[] = [];
  let indexOf = new Map<Element, number>();
  /** Where the next idle sweep starts */
  let next = 0;

  function use(map: PageMap) {
    if (map === located) return;
    controls.forEach((c, i) => {
      if (values[i] !== undefined) seen.set(c, values[i]!);
    });
    located = map;
    controls = locatedControls(map);
    choice = controls.map((c) => isLive(c) && isChoice(c));
    values = controls.map((c) => seen.get(c));
    indexOf = new Map(controls.map((c, i) => [c, i]));
  }

  function look(from: number, to: number): Control[] {
    const out: Control[] = [];
    for (let i = from; i < to; i++) {
      const c = controls[i]!;
      let v: string;
      try {
        v = choice[i] ? String((c as HTMLInputElement).checked) : c.value;
      } catch {
        continue; // a control of a frame page that has gone (a dead object in Firefox) until located again
      }
      const before = values[i];
      if (v === before) continue;
      if (before !== undefined) out.push(c);
      values[i] = v;
    }
    return out;
  }

  return {
    remember(changed: Control[]) {
      for (const c of changed) {
        if (!isLive(c)) continue;
        const i = indexOf.get(c);
        if (i === undefined) seen.set(c, controlValue(c));
        else values[i] = controlValue(c);
      }
    },
    /** Located controls whose value changed since they were last seen (now remembered with the new value) */
    changed(map: PageMap): Control[] {
      use(map);
      return look(0, controls.length);
    },
    /** The same for the next `count` located controls after those the last call looked at, from the first again at the end */
    changedNext(map: PageMap, count: number): Control[] {
      use(map);
      if (next >= controls.length) next = 0;
      const from = next;
      next = Math.min(controls.length, from + count);
      return look(from, next);
    },
  };
}
