import { type Control, labelOf } from './locate';
import { controlScope } from './scope';

const keys = new WeakMap<Element, string>();

/**
 * A name or id a framework generated (el-id-4821-17, ext-gen12345, fld_k3j9x2m81): new on every load, so useless as
 * a key. Hand-written names (xmxx.xmmc, cydw[0].dwmc, ctl00_txtXmmc) have few digits.
 */
export function looksGenerated(name: string): boolean {
  const digits = name.match(/\d/g)?.length ?? 0;
  return /\d{4,}/.test(name) || (name.length >= 8 && digits >= 3 && /[a-z]/i.test(name));
}

/**
 * The control's own name: its name, else its id, else (also when those are generated anew on every load) the label
 * printed before or above it ("@单位地址").
 */
export function controlName(control: Control): string | undefined {
  const own = [control.name, control.id].find((n) => n && !looksGenerated(n));
  if (own) return own;
  const label = labelOf(control);
  return label ? `@${label}` : control.name || control.id || undefined;
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

/**
 * The draft key holding, as JSON, the label the page printed beside each control keyed by controlKey (key →
 * "所属专项"): a bookkeeping field (lib/core/vocabulary.ts isBookkeepingField), so a saved draft names such a field
 * as the form did, never by the page's internal name.
 */
export const LABELS_KEY = '~labels';

/** The name a key was saved under before keys carried their scope (drafts from earlier versions stay readable). */
export function legacyName(key: string): string {
  return key.slice(key.lastIndexOf('›') + 1);
}
