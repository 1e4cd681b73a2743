// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { fillForm } from '@/lib/portal/fill';
import { locateFields } from '@/lib/portal/locate';
import { FieldMap } from '@/lib/portal/fieldMapSchema';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

const markup = readFileSync(join(import.meta.dirname, '../../fixtures/portal/fill-react.html'), 'utf8');
const fieldMap = FieldMap.parse(fieldMapJson);
const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;

/**
 * A tiny stand-in for React's controlled inputs. Its state changes only in its own listeners ('input' for
 * text, 'click' for checkboxes, as React takes them), and every render writes the state back into the DOM,
 * so anything the state does not hold is put back. Like React's value tracker it wraps `value` on each
 * element: a value assigned through `el.value = …` counts as already known, and its input event is ignored.
 * `accept` lets a field refuse input, as a controlled input with a digits-only onChange does.
 */
function mountControlled(root: ParentNode, accept: Record<string, (v: string) => boolean> = {}) {
  const state: Record<string, string | string[]> = {};
  const known = new WeakMap<HTMLInputElement, string>();
  const inputs = Array.from(root.querySelectorAll('input'));
  for (const input of inputs) {
    if (input.type === 'checkbox') {
      state[input.name] = [];
      continue;
    }
    state[input.name] = input.value;
    known.set(input, input.value);
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => nativeValue.get!.call(input),
      set: (v: string) => {
        known.set(input, String(v));
        nativeValue.set!.call(input, v);
      },
    });
  }
  function render() {
    for (const input of inputs) {
      const value = state[input.name]!;
      if (Array.isArray(value)) input.checked = value.includes(input.value);
      else if (input.value !== value) input.value = value;
    }
  }
  root.addEventListener('input', (e) => {
    const input = e.target as HTMLInputElement;
    if (input.type === 'checkbox') return;
    const now = nativeValue.get!.call(input) as string;
    if (known.get(input) !== now && (accept[input.name]?.(now) ?? true)) {
      known.set(input, now);
      state[input.name] = now;
    }
    queueMicrotask(render); // React puts a controlled value back right after the event
  });
  root.addEventListener('click', (e) => {
    const input = e.target as HTMLInputElement;
    if (input.type !== 'checkbox') return;
    const checked = (state[input.name] as string[]).filter((v) => v !== input.value);
    state[input.name] = input.checked ? [...checked, input.value] : checked;
    queueMicrotask(render);
  });
  return { state, render };
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const settle = () => new Promise((r) => setTimeout(r, 0));

let app: ReturnType<typeof mountControlled>;
beforeEach(() => {
  document.body.innerHTML = markup;
  app = mountControlled(document.body, { 'jfys.zyczjf': (v) => /^\d*$/.test(v) });
});

test('values set through the native setter and an input event survive a re-render', async () => {
  const report = await fillForm(document, locateFields(document, fieldMap), {
    'foreignPartners.0.name': 'RIKEN Center for Quantum Computing',
    'budget.central': '200',
    'foreignPartners.0.memberships': '理化学研究所职员、地平线2020正式参与方',
  });
  expect(report.notTaken).toEqual([]);
  expect(report.filled).toHaveLength(3);
  app.render();
  expect(app.state).toEqual({
    'wfdw.mc': 'RIKEN Center for Quantum Computing',
    'wfdw.zg': ['RIKEN', 'H2020'],
    'jfys.zyczjf': '200',
    'jfys.qtlyjf': '',
  });
  expect(input('wfdw.mc').value).toBe('RIKEN Center for Quantum Computing');
  expect(input('jfys.zyczjf').value).toBe('200');
  expect(Array.from(document.querySelectorAll<HTMLInputElement>('[name="wfdw.zg"]')).map((c) => c.checked)).toEqual([
    true,
    false,
    true,
  ]);
});

test('a value assigned with `.value =` and no event is lost on the next render', () => {
  input('wfdw.mc').value = 'University of Vienna';
  app.render();
  expect(input('wfdw.mc').value).toBe('');
  expect(app.state['wfdw.mc']).toBe('');
});

test('a value assigned with `.value =` and then an input event is still lost: the tracker already knows it', async () => {
  input('wfdw.mc').value = 'University of Vienna';
  input('wfdw.mc').dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
  expect(input('wfdw.mc').value).toBe('');
  expect(app.state['wfdw.mc']).toBe('');
});

test('a controlled input that refuses the value puts it back, and the report says so', async () => {
  const report = await fillForm(document, locateFields(document, fieldMap), {
    'budget.central': '200万',
    'budget.other': '50',
  });
  expect(report).toEqual({
    filled: ['budget.other'],
    notTaken: [{ key: 'budget.central', wanted: '200万', got: '', reason: 'rejected' }],
    missing: [],
  });
  expect(app.state['jfys.zyczjf']).toBe('');
});
