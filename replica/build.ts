import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Bundles the replica's page scripts (client/apply.ts, client/react/main.tsx) with Vite's JS API.
 * The output is cached under node_modules/.cache by a hash of the sources, so only the first start
 * after a change pays for the build; concurrent starts build into their own folder and rename.
 */

const replicaDir = import.meta.dirname;
const rootDir = join(replicaDir, '..');
const ENTRIES = { apply: 'client/apply.ts', 'apply-react': 'client/react/main.tsx' };

/** The sources a bundle depends on (its own files and the page data), plus the versions of vite and react. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) hash.update(relative(replicaDir, path)).update(readFileSync(path));
    }
  };
  for (const dir of ['client', 'data']) walk(join(replicaDir, dir));
  hash.update(readFileSync(join(replicaDir, 'formValues.ts')));
  for (const pkg of ['vite', 'react', 'react-dom'])
    hash.update(readFileSync(join(rootDir, 'node_modules', pkg, 'package.json')));
  return hash.digest('hex').slice(0, 16);
}

async function buildInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: replicaDir,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(replicaDir, file)])),
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}

let pending: Promise<string> | undefined;

/** The folder holding apply.js, apply-react.js and their chunks (built once per process and source state). */
export function clientBundleDir(): Promise<string> {
  pending ??= (async () => {
    const cacheRoot = join(rootDir, 'node_modules', '.cache', 'guidecheck-replica');
    const dir = join(cacheRoot, sourceHash());
    if (existsSync(join(dir, 'apply-react.js'))) return dir;
    const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
    mkdirSync(tmp, { recursive: true });
    await buildInto(tmp);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process finished first: use its output
    }
    return dir;
  })();
  pending.catch(() => (pending = undefined));
  return pending;
}
