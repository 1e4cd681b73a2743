import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const engineDir = join(import.meta.dirname, '../../../lib/engine');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Runtime imports (not `import type`) of a file. */
function runtimeImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
}

describe('the evaluation engine stays free of zod', () => {
  // The content script evaluates on every keystroke; packs reach it already validated.
  it.each(files(engineDir).map((f) => [relative(engineDir, f), f]))('%s imports no zod at runtime', (_, file) => {
    const imports = runtimeImports(readFileSync(file, 'utf8'));
    expect(imports.filter((i) => i === 'zod' || /application\/model|packs\//.test(i))).toEqual([]);
  });

  it('the import scan sees runtime imports and ignores type imports', () => {
    expect(
      runtimeImports(
        "import { z } from 'zod';\nimport type { A } from '../packs/schema';\nimport {\n  b,\n} from './x';",
      ),
    ).toEqual(['zod', './x']);
  });
});
