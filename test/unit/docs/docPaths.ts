// The file and folder names the docs mention, read from their `code spans`, with where they may live.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** Generated folders: named by the docs, absent from a fresh clone. */
const GENERATED = /^\.?(output|output-test|wxt|test-results|demo-output|node_modules|draft)(\/|$)/;
const TOP = new Set([
  'lib',
  'components',
  'entrypoints',
  'rules',
  'test',
  'public',
  'replica',
  'bench',
  'scripts',
  'docs',
]);

export interface Mention {
  doc: string;
  line: number;
  path: string;
  /** Folders the name may be relative to: the doc's own, and the folder a Markdown table row is about. */
  bases: string[];
}

/**
 * A code span that names a path of ours: under a known top folder, or a source file's bare name. Bare data
 * names (`index.json`, `policies.json`) are files of a feed or a browser, not of this repository.
 */
export function looksLikePath(span: string): boolean {
  if (/\s|^https?:|^-|^\/|[<>{}$|=@"'`]/.test(span)) return false;
  const top = span.split('/')[0]!;
  return (span.includes('/') && TOP.has(top)) || /^[\w.-]+\.(ts|tsx|css)$/.test(span);
}

/** Every file's repo-relative path, generated folders aside, to find a bare file name anywhere. */
export function allFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || GENERATED.test(path)) continue;
    if (entry.isDirectory()) out.push(...allFiles(root, path));
    else out.push(path);
  }
  return out;
}

export function mentions(root: string, doc: string): Mention[] {
  const found: Mention[] = [];
  readFileSync(join(root, doc), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const cells = text.startsWith('|') ? text.split('|').slice(1, -1) : [];
      const rowBases = (cells[0] ?? '').match(/`[^`]+`/g)?.map((s) => s.slice(1, -1).replace(/\/$/, '')) ?? [];
      for (const m of text.matchAll(/`([^`]+)`/g)) {
        const span = m[1]!.replace(/[,.:;]$/, '');
        if (!looksLikePath(span) || GENERATED.test(span)) continue;
        found.push({
          doc,
          line: i + 1,
          path: span,
          bases: ['', dirname(doc) === '.' ? '' : dirname(doc), ...rowBases],
        });
      }
      for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(m[1]!)) continue;
        found.push({ doc, line: i + 1, path: m[1]!, bases: [dirname(doc) === '.' ? '' : dirname(doc)] });
      }
    });
  return found;
}

/**
 * Whether the mention names something in the tree: relative to one of its bases; a bare file name anywhere
 * under its table row's folder (or, in docs/, anywhere); a `*` part matches any entry of its folder.
 */
export function exists(root: string, mention: Mention, files: string[]): boolean {
  if (!mention.path.includes('/')) {
    const under = mention.doc.startsWith('docs/') ? [''] : mention.bases.filter(Boolean);
    const named = (f: string) => f === mention.path || f.endsWith(`/${mention.path}`);
    if (under.some((base) => files.some((f) => named(f) && (!base || f.startsWith(`${base}/`))))) return true;
  }
  return mention.bases.some((base) => {
    const full = posix.join(base, mention.path.replace(/\/$/, ''));
    if (!full.includes('*')) return existsSync(join(root, full));
    const folder = full.slice(0, full.indexOf('*')).replace(/[^/]*$/, '');
    return existsSync(join(root, folder)) && readdirSync(join(root, folder)).length > 0;
  });
}
