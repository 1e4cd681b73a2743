import { describe, expect, it } from 'vitest';
import { buildGraph, closure, cycles, importsOf, readSources, repoRoot, withoutComments } from './importGraph';
import { layerViolations } from './layers';

describe('the layers of the code base', () => {
  const files = readSources(repoRoot, ['lib', 'components', 'entrypoints']);
  const found = layerViolations(buildGraph(files), files);

  // The last known violations (the options page's store imports, the engine ↔ operators type cycle) are gone, and
  // with them the list of exceptions: every violation now fails.
  it('has no import crossing a layer and no import cycle', () => {
    expect(found).toEqual([]);
  });

  it('reads the real tree: the content script and the engine are in it', () => {
    expect(files.has('entrypoints/portal.content/index.tsx')).toBe(true);
    expect([...files.keys()].filter((f) => f.startsWith('lib/engine/')).length).toBeGreaterThan(5);
  });
});

/** A small tree with one module per violation kind, to show each rule fires. */
function violationsOf(tree: Record<string, string>): string[] {
  const files = new Map(Object.entries(tree));
  return layerViolations(buildGraph(files), files);
}

describe('the layer rules on a deliberate violation', () => {
  it('passes a tree that keeps the layers', () => {
    expect(
      violationsOf({
        'lib/engine/evaluate.ts': "import type { Rule } from '../packs/schema';\nexport const n = 1;",
        'lib/packs/schema.ts': "import { z } from 'zod';\nexport const Rule = z.object({});",
        'components/List.tsx': "import { n } from '@/lib/engine/evaluate';\nimport './list.css';",
        'entrypoints/portal.content/index.tsx': "import { n } from '@/lib/engine/evaluate';",
      }),
    ).toEqual([]);
  });

  it('flags lib importing the overlay or a component', () => {
    expect(
      violationsOf({
        'lib/share/build.ts': "import { view } from '../overlay/view';\nimport { Panel } from '@/components/Panel';",
        'lib/overlay/view.ts': 'export const view = 1;',
        'components/Panel.tsx': 'export const Panel = 1;',
      }),
    ).toEqual([
      'lib/share/build.ts → lib/overlay/view.ts: lib must not import the overlay',
      'lib/share/build.ts → components/Panel.tsx: lib must not import components',
    ]);
  });

  it('flags the engine importing zod, or reaching Dexie or the DOM through what it imports', () => {
    expect(
      violationsOf({
        'lib/engine/a.ts': "import { z } from 'zod';",
        'lib/engine/b.ts': "export { save } from '../drafts/db';",
        'lib/drafts/db.ts': "import Dexie from 'dexie';\nexport const save = 1;",
        'lib/engine/c.ts': "import { read } from '../portal/read';",
        'lib/portal/read.ts': '// document in a comment is fine\nexport const read = () => document.title;',
      }),
    ).toEqual([
      'lib/engine/a.ts → zod: the engine imports no zod, Dexie or React',
      "lib/engine/a.ts: the engine's runtime imports reach zod",
      "lib/engine/b.ts: the engine's runtime imports reach dexie",
      "lib/engine/c.ts: the engine's runtime imports use the DOM (document in lib/portal/read.ts)",
    ]);
  });

  it("flags zod in the content script's runtime closure, also through a dynamic import, but not a type import", () => {
    const tree = {
      'entrypoints/portal.content/index.tsx': "import type { Pack } from '@/lib/packs/schema';\nimport('./mount');",
      'entrypoints/portal.content/mount.tsx': "import { parse } from '@/lib/packs/parse';",
      'lib/packs/parse.ts': "import { Pack } from './schema';\nexport const parse = Pack.parse;",
      'lib/packs/schema.ts': "import { z } from 'zod';\nexport const Pack = z.object({});",
    };
    expect(violationsOf(tree)).toEqual([
      "entrypoints/portal.content/index.tsx: the content script's runtime imports reach zod",
    ]);
    tree['entrypoints/portal.content/mount.tsx'] = '';
    expect(violationsOf(tree)).toEqual([]);
  });

  it('keeps the core vocabulary free of zod and of other modules at runtime, its schemas aside', () => {
    expect(
      violationsOf({
        'lib/core/vocabulary.ts': "import type { Application } from '../application/model';\nimport { x } from './x';",
        'lib/core/x.ts': "import { y } from '../engine/y';",
        'lib/core/schemas.ts': "import { z } from 'zod';",
        'lib/engine/y.ts': 'export const y = 1;',
        'lib/application/model.ts': "import { z } from 'zod';",
      }),
    ).toEqual([
      'lib/core/vocabulary.ts: the core vocabulary imports only itself at runtime, not lib/engine/y.ts',
      'lib/core/x.ts: the core vocabulary imports only itself at runtime, not lib/engine/y.ts',
    ]);
  });

  it('flags a component importing the drafts database or store', () => {
    expect(
      violationsOf({
        'components/options/List.tsx':
          "import type { DraftKey } from '@/lib/drafts/db';\nimport { list } from '@/lib/drafts/store';",
        'lib/drafts/db.ts': 'export type DraftKey = string;',
        'lib/drafts/store.ts': 'export const list = 1;',
      }),
    ).toEqual([
      'components/options/List.tsx → lib/drafts/db.ts: components get drafts through props and hooks, not the database',
      'components/options/List.tsx → lib/drafts/store.ts: components get drafts through props and hooks, not the database',
    ]);
  });

  it('flags an import cycle, also one made of type imports, and an import that resolves to nothing', () => {
    expect(
      violationsOf({
        'lib/a.ts': "import type { B } from './b';\nexport type A = B[];",
        'lib/b.ts': "import type { A } from './a';\nexport type B = A | string;",
        'lib/c.ts': "import { gone } from './gone';",
      }),
    ).toEqual(['lib/c.ts → lib/gone: the import resolves to no file', 'import cycle: lib/a.ts, lib/b.ts']);
  });
});

describe('the import reader', () => {
  it('reads static, re-export, side-effect and dynamic imports, and knows type-only ones', () => {
    const source = [
      "import { a, type B } from './a';",
      "import type { C } from '@/lib/c';",
      "export { d } from '../d';",
      "export type { E } from './e';",
      "import './style.css';",
      'import {',
      '  f,',
      "} from 'zod';",
      "const g = await import('./g');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a', typeOnly: false },
      { specifier: '@/lib/c', typeOnly: true },
      { specifier: '../d', typeOnly: false },
      { specifier: './e', typeOnly: true },
      { specifier: './style.css', typeOnly: false },
      { specifier: 'zod', typeOnly: false },
      { specifier: './g', typeOnly: false },
    ]);
  });

  it('ignores imports in comments, strings and regular expressions', () => {
    const source = [
      "// import { x } from 'zod';",
      "/* import { y } from 'dexie'; */",
      'const s = "import { z } from \'zod\'";',
      "const url = '*://*.most.gov.cn/*'; import { real } from './real';",
      "const re = /['\"]/; import { after } from './after';",
    ].join('\n');
    expect(importsOf(source).map((i) => i.specifier)).toEqual(['./real', './after']);
    expect(withoutComments("const a = 'document'; // window", true)).toBe("const a = ''; ");
  });

  it('finds closures and cycles on a plain graph', () => {
    const graph = new Map([
      ['a', [{ to: 'b', typeOnly: false }]],
      ['b', [{ to: 'a', typeOnly: true }]],
      ['c', [{ to: 'a', typeOnly: false }]],
    ]);
    expect([...closure(graph, 'c', true)].sort()).toEqual(['a', 'b', 'c']);
    expect([...closure(graph, 'b', true)]).toEqual(['b']);
    expect(cycles(graph)).toEqual([['a', 'b']]);
  });
});
