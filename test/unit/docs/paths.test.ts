import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../layers/importGraph';
import { allFiles, exists, looksLikePath, mentions } from './docPaths';

const docs = ['README.md', ...readdirSync(`${repoRoot}/docs`).map((f) => `docs/${f}`)];

describe('the docs name what exists', () => {
  const files = allFiles(repoRoot);

  it.each(docs)('every path %s names exists', (doc) => {
    const named = mentions(repoRoot, doc);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((m) => !exists(repoRoot, m, files)).map((m) => `${m.doc}:${m.line} ${m.path}`)).toEqual([]);
  });

  it("README's layout table lists every folder of lib/", () => {
    const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'));
    const rows = layout.split('\n').filter((l) => l.startsWith('| `'));
    const listed = rows.flatMap((r) =>
      [...r.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, '')),
    );
    const folders = readdirSync(`${repoRoot}/lib`, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((f) => `lib/${f.name}`).filter((f) => !listed.includes(f))).toEqual([]);
  });
});

describe('the path finder', () => {
  it('takes source paths and file names, not commands, URLs, feed files or absolute paths', () => {
    expect(['lib/engine', 'rules/portal/', 'read.ts', 'components/pages.css'].every(looksLikePath)).toBe(true);
    expect(['npm test', 'https://x.cn/a.ts', 'index.json', '/etc/x.json', '--pack', 'a|b'].some(looksLikePath)).toBe(
      false,
    );
  });

  it('flags a name that is gone, in a table row relative to the row’s folder', () => {
    const files = ['lib/portal/read.ts'];
    const m = (path: string, bases: string[]) => ({ doc: 'README.md', line: 1, path, bases });
    expect(exists(repoRoot, m('read.ts', ['', 'lib/portal']), files)).toBe(true);
    expect(exists(repoRoot, m('gone.ts', ['', 'lib/portal']), files)).toBe(false);
    expect(exists(repoRoot, m('lib/nowhere/', ['']), files)).toBe(false);
  });
});
