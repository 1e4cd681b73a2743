import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, functionProbes, innerHtmlWrites } from '@/scripts/support/storeReady';

/** The pinned dependency's file as the build reads it (not exported by the package, so read from node_modules). */
const source = (path: string) => readFileSync(join(import.meta.dirname, '../../../node_modules', path), 'utf8');

describe('the store-ready edits, on the syntax tree', () => {
  it("turns zod's pinned probe into `return false;` and leaves the rest of the file as it was", () => {
    const code = source('zod/v4/core/util.js');
    const edited = applyEdit(code, functionProbes);
    if (!('code' in edited)) throw new Error(edited.error);
    expect(edited.code).not.toMatch(/new F\(/);
    expect(edited.code).toContain('return false;');
    expect(edited.code.length).toBeLessThan(code.length);
    expect(edited.code.split('\n').length).toBeGreaterThan(code.split('\n').length - 10);
  });

  it('finds the probe however it is written: renamed, reformatted, or Function itself', () => {
    for (const code of [
      'const ok = () => { try { const Fn = Function; new Fn(""); return true; } catch (_) { return false; } };',
      'function ok(){try{new Function("")\n;return true}catch{return false}}',
      'const ok = () => {\n  try {\n    // probe\n    const G = Function;\n    new G(\n      ""\n    );\n    return true;\n  } catch (e) {\n    return false;\n  }\n};',
    ]) {
      const edited = applyEdit(code, functionProbes);
      expect(edited).toHaveProperty('code');
      if ('code' in edited) {
        expect(edited.code).not.toMatch(/new \w+\(/);
        expect(new Function(`${edited.code}; return ok();`)()).toBe(false);
      }
    }
  });

  it("replaces React's innerHTML writes of a value, keeps a literal one, and throws if one is reached", () => {
    const code = [
      'function set(domElement, key) { null != key && (domElement.innerHTML = key); return 1; }',
      'function script(el) { el.innerHTML = "<script></script>"; }',
      'const read = (el) => el.innerHTML;',
    ].join('\n');
    const edited = applyEdit(code, innerHtmlWrites);
    if (!('code' in edited)) throw new Error(edited.error);
    expect(edited.code).not.toContain('domElement.innerHTML = key');
    expect(edited.code).toContain('el.innerHTML = "<script></script>"');
    expect(edited.code).toContain('el.innerHTML;');
    const set = new Function(`${edited.code}; return set;`)() as (el: object, key: unknown) => number;
    expect(set({}, null)).toBe(1);
    expect(() => set({}, '<b>x</b>')).toThrow('GuideCheck renders no HTML strings');
    for (const build of ['production', 'development']) {
      const react = applyEdit(source(`react-dom/cjs/react-dom-client.${build}.js`), innerHtmlWrites);
      expect(react).toHaveProperty('code');
      if ('code' in react) expect(react.code).not.toMatch(/domElement\.innerHTML = key/);
    }
  });

  it('says so when the construct is gone (a dependency update changed it), so the build fails', () => {
    expect(applyEdit('export const allowsEval = () => false;', functionProbes)).toEqual({ error: 'not found' });
    expect(applyEdit('el.textContent = x;', innerHtmlWrites)).toEqual({ error: 'not found' });
  });
});
