import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fail = (message: string): never => {
  throw new Error(message);
};
import { bundledPackDir } from '@/lib/packs/fromDisk';
import { loadBuiltInPacks } from '@/lib/packs/inExtension';
import { parsePack } from '@/lib/packs/parsePack';
import { bundledPacks, bundledPacksSource } from '../../../scripts/support/bundledPacks';
import { BUNDLED_PACKS_FILE, fetchBuiltInPacks } from '@/lib/packs/bundledFile';
import { bundledOutline } from '@/lib/packs/origin';
import bundledIndex from 'virtual:guidecheck/bundled-index';

// The extension trusts its bundled packs at runtime: this and the build are where they are validated.
describe('bundled rule packs', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const copyOfRules = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-rules-'));
    dirs.push(dir);
    cpSync(bundledPackDir, dir, { recursive: true });
    return dir;
  };

  it('reach the extension as the validated packs, every one of rules/*.json', () => {
    const packs = loadBuiltInPacks();
    expect(packs.map((p) => p.id).sort()).toEqual(['2019-intl-1', '2020-hmt']);
    for (const pack of packs) {
      const parsed = parsePack(JSON.parse(readFileSync(join(bundledPackDir, `${pack.id}.json`), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      // defaults filled in by the schema at build time, exactly as validation gives them
      expect(pack).toEqual(parsed.pack);
    }
  });

  it('fail the build when one would not validate, naming the file and the path', () => {
    const dir = copyOfRules();
    const file = join(dir, '2020-hmt.json');
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    pack.directions[0].rules[0].when = { op: 'regexp', path: 'project.nameZh' };
    writeFileSync(file, JSON.stringify(pack));
    const source = bundledPacksSource(dir);
    expect(source.ok).toBe(false);
    expect(source.ok ? [] : source.errors.join('\n')).toMatch(/^2020-hmt\.json: directions\[0\]\.rules\[0\]\.when/m);
  });

  it('fail the build on a misspelt key, never dropped silently', () => {
    const dir = copyOfRules();
    const file = join(dir, '2019-intl-1.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), titel: 'x' }));
    const source = bundledPacksSource(dir);
    expect(source.ok ? [] : source.errors.join('\n')).toMatch(/2019-intl-1\.json: .*titel/);
  });

  it('are written as a file of the extension too, which the service worker fetches instead of carrying them', async () => {
    const emitted: { fileName?: string; source?: unknown }[] = [];
    const plugin = bundledPacks(copyOfRules());
    const generate = plugin.generateBundle as unknown as (this: unknown) => void;
    generate.call({ emitFile: (file: { fileName?: string; source?: unknown }) => emitted.push(file), error: fail });
    expect(emitted.map((f) => f.fileName)).toEqual([BUNDLED_PACKS_FILE]);
    const served = async (url: string | URL | Request) =>
      String(url).endsWith(`/${BUNDLED_PACKS_FILE}`)
        ? new Response(emitted[0]!.source as string)
        : new Response('', { status: 404 });
    expect(await fetchBuiltInPacks(`chrome-extension://id/${BUNDLED_PACKS_FILE}`, served)).toEqual(loadBuiltInPacks());
    await expect(fetchBuiltInPacks('chrome-extension://id/other.json', served)).rejects.toThrow('404');
  });

  it('refuse to write the file when a pack would not validate', () => {
    const dir = copyOfRules();
    writeFileSync(join(dir, '2020-hmt.json'), '{"schema": 1}');
    const plugin = bundledPacks(dir);
    const generate = plugin.generateBundle as unknown as (this: unknown) => void;
    const emitFile = vi.fn();
    expect(() => generate.call({ emitFile, error: fail })).toThrow(/2020-hmt\.json/);
    expect(emitFile).not.toHaveBeenCalled();
  });

  it('build to a module of the packs as JSON text', () => {
    const source = bundledPacksSource(copyOfRules());
    if (!source.ok) throw new Error(source.errors.join('\n'));
    const text = JSON.parse(source.code.replace(/^export default /, '').replace(/;$/, ''));
    expect(JSON.parse(text)).toEqual(loadBuiltInPacks());
  });

  it('build to a module of their outlines for the service worker, the same packs as the file, a few KB', () => {
    const source = bundledPacksSource(copyOfRules());
    if (!source.ok) throw new Error(source.errors.join('\n'));
    const index = JSON.parse(source.indexCode.replace(/^export default /, '').replace(/;$/, ''));
    expect(index).toEqual(loadBuiltInPacks().map(bundledOutline));
    expect(bundledIndex).toEqual(index);
    expect(source.indexCode.length).toBeLessThan(source.json.length / 10);
  });
});
