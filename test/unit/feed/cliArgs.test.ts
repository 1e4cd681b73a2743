// The admin CLI's argument parsing: a string option's value may start with a dash (a base64url public key does
// one time in 64; `verify --pub -kg0…` was refused as ambiguous with exit 2).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import verify from '@/lib/admin/commands/verify';
import { args } from '@/lib/feed/cliIo';
import { fixtureText, sealText, testKey } from './helpers';

const options = {
  pub: { type: 'string', multiple: true },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

describe('args', () => {
  it.each([
    { argv: ['a.json', '--pub', '-kg0FH9u'], pub: ['-kg0FH9u'], positionals: ['a.json'] },
    { argv: ['--pub', '--AzM3', 'a.json'], pub: ['--AzM3'], positionals: ['a.json'] },
    { argv: ['--pub=-VxqX', 'a.json'], pub: ['-VxqX'], positionals: ['a.json'] },
    { argv: ['--pub', 'plain', '--pub', '-dash'], pub: ['plain', '-dash'], positionals: [] },
    { argv: ['-o', '-out-dir', '--force'], out: '-out-dir', force: true, positionals: [] },
    { argv: ['--force', '--', '--pub', '-x'], force: true, positionals: ['--pub', '-x'] },
  ])('$argv', ({ argv, positionals, ...expected }) => {
    const parsed = args(argv, options);
    expect(parsed.positionals).toEqual(positionals);
    expect({ ...parsed.values }).toEqual(expected);
  });

  it('a string option followed by another of its options still has no value', () => {
    expect(() => args(['--out', '--force'], options)).toThrow(/argument (missing|is ambiguous)/);
    expect(() => args(['--pub'], options)).toThrow(/argument missing/);
  });
});

describe('verify --pub with a public key that starts with a dash', () => {
  it('verifies the envelope (exit 0)', async () => {
    const key = await testKey(41);
    expect(key.trusted.publicKey.startsWith('-')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'guidecheck-dash-key-'));
    const envelope = join(dir, 'env.json');
    writeFileSync(envelope, await sealText(fixtureText('pack-v1.json'), [key]));
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
    try {
      expect(await verify.run([envelope, '--pub', key.trusted.publicKey])).toBe(0);
      expect(out.join('\n')).toContain('test-2020-hmt v1');
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
