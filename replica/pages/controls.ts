import type { Choice } from '../data/vocabularies';
import { attrs, esc, portalId } from './html';

/**
 * Form controls as the portal renders them. `required` marks a 必填 control for the 提交 check
 * (data-bt holds the label the red message names).
 */

export interface ControlOptions {
  /** Overrides the generated id (grid rows number their ids like ASP.NET GridViews) */
  id?: string;
  required?: string;
  value?: string;
  placeholder?: string;
  readonly?: boolean;
  type?: 'text' | 'date';
  width?: string;
}

export function textInput(name: string, opts: ControlOptions = {}): string {
  return `<input${attrs({
    type: opts.type ?? 'text',
    name,
    id: opts.id ?? portalId(opts.type === 'date' ? 'dtp' : 'txt', name),
    class: 'inp',
    value: opts.value,
    placeholder: opts.placeholder,
    readonly: opts.readonly,
    style: opts.width ? `width:${opts.width}` : undefined,
    'data-bt': opts.required,
  })}>`;
}

export function selectBox(name: string, choices: Choice[], opts: ControlOptions = {}): string {
  const options = choices.map(
    (c) => `<option${attrs({ value: c.value, selected: c.value === opts.value })}>${esc(c.text)}</option>`,
  );
  return `<select${attrs({ name, id: opts.id ?? portalId('ddl', name), class: 'sel', 'data-bt': opts.required })}><option value="">--请选择--</option>${options.join('')}</select>`;
}

/** A select whose options are grouped: [group label, choices] */
export function groupedSelect(name: string, groups: [string, Choice[]][], opts: ControlOptions = {}): string {
  const body = groups
    .map(
      ([label, choices]) =>
        `<optgroup${attrs({ label })}>${choices.map((c) => `<option${attrs({ value: c.value })}>${esc(c.text)}</option>`).join('')}</optgroup>`,
    )
    .join('');
  return `<select${attrs({ name, id: portalId('ddl', name), class: 'sel', 'data-bt': opts.required })}><option value="">--请选择--</option>${body}</select>`;
}

/** Radios or checkboxes sharing one name, each with the words beside it in a <label for>. */
export function choiceGroup(
  kind: 'radio' | 'checkbox',
  name: string,
  choices: Choice[],
  opts: ControlOptions = {},
): string {
  const base = portalId(kind === 'radio' ? 'rbl' : 'cbl', name);
  return (
    choices
      .map((c, i) => {
        const id = `${base}_${i}`;
        const required = i === 0 ? opts.required : undefined;
        return `<span class="choice"><input${attrs({ type: kind, name, id, value: c.value, 'data-bt': required })}><label${attrs({ for: id })}>${esc(c.text)}</label></span>`;
      })
      // A space between the nowrap items is where a long row may wrap.
      .join(' ')
  );
}

/** The red asterisk of a 必填 label */
export function req(required: boolean): string {
  return required ? '<span class="req">*</span>' : '';
}
