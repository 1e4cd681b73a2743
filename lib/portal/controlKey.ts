import { type Control, labelOf } from './locate';

const byLabel = new WeakMap<Element, string>();

/**
 * The draft key of a control no field-map path maps: its name, else its id, else the label printed before it
 * ("@单位地址"), so controls that frameworks render without name or id are saved and restored too.
 * The label is looked up once per control element.
 */
export function controlKey(control: Control): string | undefined {
  if (control.name || control.id) return control.name || control.id;
  let key = byLabel.get(control);
  if (key === undefined) {
    const label = labelOf(control);
    key = label ? `@${label}` : '';
    byLabel.set(control, key);
  }
  return key || undefined;
}
