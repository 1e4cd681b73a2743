import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operatorNames } from '@/lib/engine/condition';
import { parsePack } from '@/lib/packs/parsePack';
import { miniPackJson } from '@/test/unit/engine/fixturePack';
import { evaluators, readers } from './index';
import { operatorSchemas } from './schemas';

/** Like ESLint's rule + test + doc: every operator folder carries all its parts, and the registry is exactly the folders. */
const dir = import.meta.dirname;
const folders = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const parts = (folder: string) => ['evaluate.ts', 'schema.ts', 'paths.ts', 'example.json', `${folder}.test.ts`];
const docs = readFileSync(join(dir, '../../docs/rule-language.md'), 'utf8');

/** Runtime imports (not `import type`) of a file. */
function runtimeImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
}

/** Per operator, the statuses its rows expect: each row reads [name, status, { op: …, … }, expect?] (harness.ts Row). */
function coveredStatuses(testSource: string): Map<string, Set<string>> {
  const covered = new Map<string, Set<string>>();
  for (const [, status, op] of testSource.matchAll(/\[\s*'(?:[^'\\]|\\.)*',\s*'(\w+)',\s*\{\s*op:\s*'(\w+)'/g)) {
    const set = covered.get(op!) ?? new Set<string>();
    set.add(status!);
    covered.set(op!, set);
  }
  return covered;
}

describe('operator folders', () => {
  it('exist', () => expect(folders.length).toBeGreaterThan(10));

  it.each(folders)('%s has evaluate, schema, paths, example and tests', (folder) => {
    expect(parts(folder).filter((part) => !existsSync(join(dir, folder, part)))).toEqual([]);
  });

  it('the registry holds exactly the operators the folders define, each with evaluator, paths and schema', async () => {
    const defined: string[] = [];
    for (const folder of folders) {
      const evaluate = (await import(`./${folder}/evaluate.ts`)) as { evaluators: Record<string, unknown> };
      const paths = (await import(`./${folder}/paths.ts`)) as { readers: Record<string, unknown> };
      const schema = (await import(`./${folder}/schema.ts`)) as {
        schemas: (kit: unknown) => Record<string, unknown>;
      };
      const ops = Object.keys(evaluate.evaluators).sort();
      expect([folder, Object.keys(paths.readers).sort()]).toEqual([folder, ops]);
      expect([folder, Object.keys(schema.schemas({ nested: z.never() })).sort()]).toEqual([folder, ops]);
      defined.push(...ops);
    }
    expect(defined.sort()).toEqual([...operatorNames].sort());
    expect(Object.keys(readers).sort()).toEqual(Object.keys(evaluators).sort());
    expect(Object.keys(operatorSchemas({ nested: z.never() })).sort()).toEqual(Object.keys(evaluators).sort());
  });

  it.each(folders)('%s: evaluate.ts and paths.ts load no zod (the content script evaluates)', (folder) => {
    for (const part of ['evaluate.ts', 'paths.ts']) {
      const imports = runtimeImports(readFileSync(join(dir, folder, part), 'utf8'));
      expect([part, imports.filter((i) => i === 'zod' || /schema|packs\//i.test(i))]).toEqual([part, []]);
    }
  });

  it.each(folders)(
    '%s: every example shows each of its operators, validates, and is in docs/rule-language.md',
    async (folder) => {
      const examples = JSON.parse(readFileSync(join(dir, folder, 'example.json'), 'utf8')) as { op: string }[];
      const { evaluators: own } = (await import(`./${folder}/evaluate.ts`)) as { evaluators: Record<string, unknown> };
      expect(Object.keys(own).filter((op) => !examples.some((e) => e.op === op))).toEqual([]);
      const docJson = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\s+/g, ''));
      for (const example of examples) {
        const pack = miniPackJson() as { rules: Record<string, unknown>[] };
        pack.rules[0] = { ...pack.rules[0], check: example };
        const result = parsePack(pack);
        expect(result.ok ? [] : result.errors).toEqual([]);
        const compact = JSON.stringify(example);
        expect([compact, docJson.some((block) => block.includes(compact.replace(/\s+/g, '')))]).toEqual([
          compact,
          true,
        ]);
      }
    },
  );

  it.each(folders)('%s: the case table covers pass, fail and unknown for each operator', async (folder) => {
    const { evaluators: own } = (await import(`./${folder}/evaluate.ts`)) as { evaluators: Record<string, unknown> };
    const covered = coveredStatuses(readFileSync(join(dir, folder, `${folder}.test.ts`), 'utf8'));
    for (const op of Object.keys(own)) {
      // exists is two-valued by design: emptiness is what it asks about.
      const wanted = op === 'exists' ? ['fail', 'pass'] : ['fail', 'pass', 'unknown'];
      expect([op, [...(covered.get(op) ?? [])].sort()]).toEqual([op, wanted]);
    }
  });
});
