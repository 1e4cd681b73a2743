import { describe, expect, it } from 'vitest';
import { type FieldWriters, afterSave, forFields, writerOf, writersOf } from '@/lib/drafts/fieldWriters';

/** A linear congruential generator, so a failing sequence repeats from its seed */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

const KEYS = Array.from({ length: 300 }, (_, i) => `cydw[${i}].dwmc`);
const WRITERS = ['tabA', 'tabB', 'tabC'];

/**
 * The plain map the compact writers replace: a written field's writer is set, nothing is ever deleted. Each step is
 * a save (writes, removals), or fields changed without a writer (an import, a restore); after each, every key's
 * writer must be what the plain map says.
 */
function run(seed: number, start: Record<string, string> = {}) {
  const next = random(seed);
  const plain: Record<string, string> = { ...start };
  let writers: FieldWriters = writersOf({ fieldWriters: start });
  let fields: Record<string, string> = Object.fromEntries(Object.keys(start).map((k) => [k, 'v']));
  for (let step = 0; step < 120; step++) {
    const before = fields;
    const after = { ...before };
    if (next(10) === 0) {
      // an import: some fields arrive, some leave, none has a writer
      for (let i = next(40); i > 0; i--) after[KEYS[next(KEYS.length)]!] = 'imported';
      for (let i = next(20); i > 0; i--) delete after[KEYS[next(KEYS.length)]!];
      writers = forFields(writers, before, after);
    } else {
      // one writer mostly: a page load types on, now and then another tab or a wide arrival
      const writer = WRITERS[next(7) < 5 ? 0 : 1 + next(2)]!;
      const written = Array.from({ length: next(5) === 0 ? 150 : 1 + next(4) }, () => KEYS[next(KEYS.length)]!);
      const removed = next(6) === 0 ? Array.from({ length: 1 + next(5) }, () => KEYS[next(KEYS.length)]!) : [];
      for (const k of written) {
        after[k] = `${writer}${step}`;
        plain[k] = writer;
      }
      for (const k of removed) delete after[k];
      writers = afterSave(writers, writer, [...new Set(written)], removed, before, after);
    }
    fields = after;
    const wrong = KEYS.find((k) => writerOf(writers, fields, k) !== plain[k]);
    if (wrong) expect(writerOf(writers, fields, wrong), `seed ${seed}, step ${step}, ${wrong}`).toBe(plain[wrong]);
  }
  return { writers, fields };
}

describe('compact field writers', () => {
  it('answer as the plain map would, for every key, through saves, removals, imports and re-choices of `most`', () => {
    for (let seed = 1; seed <= 40; seed++) run(seed);
  });

  it('rows kept before (a plain map) read the same, and are made compact by the saves that follow', () => {
    const legacy = Object.fromEntries(KEYS.slice(0, 200).map((k, i) => [k, WRITERS[i % 7 < 6 ? 0 : 1]!]));
    for (let seed = 1; seed <= 10; seed++) {
      const { writers, fields } = run(seed, legacy);
      expect(Object.keys(writers.by).length).toBeLessThan(Object.keys(fields).length);
    }
  });

  it('one page load writing 2,000 fields keeps one name, not 2,000', () => {
    const fields = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`cydw[${i}].dwmc`, '上海交通大学']));
    const writers = afterSave({ by: {} }, 'tabA', Object.keys(fields), [], {}, fields);
    expect(writers).toEqual({ most: 'tabA', by: {} });
    // another tab's keystroke names its one field; tab A's own next keystroke names none
    const b = afterSave(writers, 'tabB', ['cydw[7].dwmc'], [], fields, fields);
    expect(b).toEqual({ most: 'tabA', by: { 'cydw[7].dwmc': 'tabB' } });
    expect(afterSave(b, 'tabA', ['cydw[8].dwmc'], [], fields, fields)).toEqual(b);
    expect(afterSave(b, 'tabA', ['cydw[7].dwmc'], [], fields, fields)).toEqual({ most: 'tabA', by: {} });
  });
});
