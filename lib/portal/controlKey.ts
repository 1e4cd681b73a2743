import { type Control, labelOf } from './locate';
import { controlScope } from './scope';

const keys = new WeakMap<Element, string>();

/** The control's own name: its name, else its id, else the label printed before or above it ("@单位地址"). */
export function controlName(control: Control): string | undefined {
  if (control.name || control.id) return control.name || control.id;
  const label = labelOf(control);
  return label ? `@${label}` : undefined;
}

/**
 * The draft key of a control no field-map path maps: its frame path and section (the heading it is under, or the
 * dialog it is in) plus its own name, e.g. "mainFrame/申报单位›dwmc" or "dialog:添加参与单位›dwmc", so two controls
 * with the same name in different parts of the page never share a value. Controls frameworks render without name or
 * id are keyed by their label. Looked up once per control element.
 */
export function controlKey(control: Control): string | undefined {
  const known = keys.get(control);
  if (known !== undefined) return known || undefined;
  const name = controlName(control);
  const scope = name ? controlScope(control) : '';
  const key = name ? (scope ? `${scope}›${name}` : name) : '';
  keys.set(control, key);
  return key || undefined;
}

/** The name a key was saved under before keys carried their scope (drafts from earlier versions stay readable). */
export function legacyName(key: string): string {
  return key.slice(key.lastIndexOf('›') + 1);
}
