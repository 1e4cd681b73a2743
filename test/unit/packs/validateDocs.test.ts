import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operatorNames } from '@/lib/engine/condition';
import { parsePack } from '@/lib/packs/parsePack';
import { miniPackJson } from '../engine/fixturePack';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/rule-language.md'), 'utf8');

/** Each JSON example of the doc: a whole block, or one object per line. */
function examples(): unknown[] {
  return [...doc.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((m) => {
    const block = m[1]!;
    try {
      return [JSON.parse(block)];
    } catch {
      return block
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    }
  });
}

describe('docs/rule-language.md', () => {
  const all = examples();
  it('has an example for each operator', () => {
    const shown = new Set([...JSON.stringify(all).matchAll(/"op":"(\w+)"/g)].map((m) => m[1]));
    expect(operatorNames.filter((op) => !shown.has(op))).toEqual([]);
  });

  it.each(all.map((e) => [JSON.stringify(e).slice(0, 80), e]))('example %s validates', (_, example) => {
    const pack = miniPackJson() as { rules: Record<string, unknown>[] };
    const ex = example as Record<string, unknown>;
    // A whole rule replaces the pack-wide rule; a condition becomes its check.
    pack.rules[0] = 'kind' in ex ? ex : { ...pack.rules[0], check: ex };
    const result = parsePack(pack);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
