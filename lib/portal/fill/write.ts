import { type Control, hiddenPartner, isChoice } from '../locate';
import { parseDate } from '../parse';
import { choiceLabel, displayValue } from '../read';
import { itemCode, widgetItem } from './widget';

/**
 * Writing one draft value into one control (or choice group) the way a person typing would be seen:
 * through the element's NATIVE setters, then the events page frameworks listen to. A framework that
 * wraps `value` on the element (React's value tracker) only notices a change made behind its back,
 * which is why the prototype's setter is used instead of `el.value = …`.
 */

type Realm = Window & typeof globalThis;
type SetterOwner = 'HTMLInputElement' | 'HTMLTextAreaElement' | 'HTMLSelectElement';

/** The element's own window: controls inside an iframe belong to another realm with its own prototypes. */
function realmOf(el: Element): Realm {
  return (el.ownerDocument.defaultView ?? globalThis) as Realm;
}

function setNative(el: Control, owner: SetterOwner, prop: 'value' | 'checked' | 'selectedIndex', value: unknown): void {
  const setter = Object.getOwnPropertyDescriptor(realmOf(el)[owner].prototype, prop)?.set;
  if (setter) setter.call(el, value);
  else Reflect.set(el, prop, value);
}

function fire(el: Control, type: 'input' | 'change'): void {
  el.dispatchEvent(new (realmOf(el).Event)(type, { bubbles: true }));
}

/**
 * Blur is where portal validators run, so it is sent. Focus is not: on these portals focus handlers
 * open date pickers (WdatePicker) and select text, and real focus would pull the applicant's caret away.
 */
function fireBlur(el: Control): void {
  const { FocusEvent } = realmOf(el);
  el.dispatchEvent(new FocusEvent('blur'));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

/** A choice group's draft value: the checked labels joined by "、" (see read.ts readRawValues). */
export function splitChoices(value: string): string[] {
  return value
    .split('、')
    .map((s) => s.trim())
    .filter(Boolean);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The option a draft value names: by its text first (what the draft keeps), then by its value. */
export function optionIndex(select: HTMLSelectElement, wanted: string): number {
  const options = Array.from(select.options);
  if (wanted.trim() === '') return options.findIndex((o) => o.value === '');
  const byText = options.findIndex((o) => squash(o.textContent ?? '') === squash(wanted));
  return byText >= 0 ? byText : options.findIndex((o) => o.value === wanted);
}

function writeChoices(group: HTMLInputElement[], wanted: string): void {
  const labels = splitChoices(wanted);
  for (const input of group) {
    const want = labels.includes(choiceLabel(input));
    if (input.checked === want || input.disabled) continue;
    if (want || input.type === 'checkbox') {
      // a real click: React and others take a checkbox's or radio's change from the click event
      input.click();
    } else {
      // a checked radio cannot be clicked off
      setNative(input, 'HTMLInputElement', 'checked', false);
      fire(input, 'input');
      fire(input, 'change');
    }
  }
}

function writeSelect(select: HTMLSelectElement, wanted: string): void {
  const index = optionIndex(select, wanted);
  if (index < 0 || index === select.selectedIndex || select.disabled) return; // no such option: the read-back reports it
  setNative(select, 'HTMLSelectElement', 'selectedIndex', index);
  fire(select, 'input');
  fire(select, 'change');
  fireBlur(select);
}

/**
 * A date input only takes "YYYY-MM-DD" (anything else silently becomes empty), while a profile or a draft
 * from a text field may hold "2022年12月31日".
 */
function valueFor(el: Control, wanted: string): string {
  return el.type === 'date' ? (parseDate(wanted) ?? wanted) : wanted;
}

/**
 * A combobox whose text box is readonly (hidden code + visible text): picked as the user picks it, by a click on the
 * widget's item, so the widget sets its own model and fires its own change. A widget that does not hear the click
 * gets its model written as it writes it (the item's code into the hidden input, its text into the box) with the
 * events its code listens to. No item showing the value: nothing is written, and the read-back reports it.
 */
function writeWidgetChoice(text: HTMLInputElement, hidden: HTMLInputElement, wanted: string): void {
  const picked = () => squash(text.value) === squash(wanted) && hidden.value !== '';
  if (text.disabled || picked()) return;
  const item = widgetItem(text, wanted);
  if (!item) return;
  item.dispatchEvent(new (realmOf(item).MouseEvent)('click', { bubbles: true, cancelable: true }));
  const code = itemCode(item);
  if (picked() || code === null) return;
  setNative(hidden, 'HTMLInputElement', 'value', code);
  setNative(text, 'HTMLInputElement', 'value', squash(wanted));
  for (const el of [hidden, text]) {
    fire(el, 'input');
    fire(el, 'change');
  }
}

function writeText(el: HTMLInputElement | HTMLTextAreaElement, raw: string): void {
  const partner = el.tagName === 'INPUT' && el.readOnly ? hiddenPartner(el) : undefined;
  if (partner) {
    writeWidgetChoice(el as HTMLInputElement, partner, raw);
    return;
  }
  const wanted = valueFor(el, raw);
  // readonly/disabled: the page locked it (e.g. carried over from the pre-application); file inputs cannot be set
  if (el.readOnly || el.disabled || el.type === 'file' || el.value === wanted) return;
  setNative(el, el.tagName === 'TEXTAREA' ? 'HTMLTextAreaElement' : 'HTMLInputElement', 'value', wanted);
  fire(el, 'input');
  fire(el, 'change');
  fireBlur(el);
}

/** Writes `wanted` into a control or a whole radio/checkbox group. */
export function writeValue(controls: Control[], wanted: string): void {
  if (controls.length && controls.every(isChoice)) {
    writeChoices(controls as HTMLInputElement[], wanted);
    return;
  }
  const el = controls[0];
  if (!el) return;
  if (el.tagName === 'SELECT') writeSelect(el as HTMLSelectElement, wanted);
  else writeText(el as HTMLInputElement | HTMLTextAreaElement, wanted);
}

/** What the page shows now, and whether that is the value the draft wanted. */
export function readBack(controls: Control[], wanted: string): { taken: boolean; got: string } {
  const got = displayValue(controls);
  if (controls.length && controls.every(isChoice)) {
    const want = new Set(splitChoices(wanted));
    const have = splitChoices(got);
    return { taken: have.length === want.size && have.every((l) => want.has(l)), got };
  }
  const el = controls[0];
  if (el?.tagName === 'SELECT') {
    // a draft written by an older reader may hold the option's value rather than its text
    const byValue = wanted !== '' && el.value === wanted;
    return { taken: got === squash(wanted) || byValue, got };
  }
  // a combobox's text without its code is not the widget's choice
  const partner = el && (el as HTMLInputElement).readOnly ? hiddenPartner(el) : undefined;
  return { taken: !!el && got === valueFor(el, wanted).trim() && partner?.value !== '', got };
}
