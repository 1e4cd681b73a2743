import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import command from '@/lib/admin/commands/extract';
import { RulePack } from '@/lib/packs/schema';

const fixtures = join(import.meta.dirname, '../../fixtures/extract');

let dir: string;
let stderr: string[];
let stdout: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'extract-'));
  stderr = [];
  stdout = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void stderr.push(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...args) => void stdout.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('rules extract', () => {
  it('writes a valid draft and its review list, and prints a summary', async () => {
    const out = join(dir, 'draft.json');
    expect(await command.run([join(fixtures, '2020-hmt.txt'), '-o', out, '--id', 'hmt-2020'])).toBe(0);
    const pack = RulePack.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(pack.id).toBe('hmt-2020');
    expect(pack.directions.map((d) => d.code)).toEqual(['1.1', '1.2']);
    const review = JSON.parse(readFileSync(join(dir, 'draft.review.json'), 'utf8'));
    expect(review.items.length).toBeGreaterThan(0);
    expect(review.batch.totalBudget.amount).toBe(6500);
    const summary = stdout.join('\n');
    expect(summary).toContain('Directions found: 2 (1.1 1.2)');
    expect(summary).toMatch(/Rules by kind: .*check \d+/);
    expect(summary).toMatch(/Items needing review: \d+/);
  });

  it('creates the output folder, takes the id from the guideline and counts the requirement sentences', async () => {
    const out = join(dir, 'draft', 'nested', 'x.json');
    expect(await command.run([join(fixtures, 'corpus', 'numbered-2033.txt'), '-o', out])).toBe(0);
    expect(RulePack.parse(JSON.parse(readFileSync(out, 'utf8'))).id).toBe('2033-1');
    expect(existsSync(join(dir, 'draft', 'nested', 'x.review.json'))).toBe(true);
    const summary = stdout.join('\n');
    expect(summary).toMatch(/要求句 Requirement sentences: 17 \(编码 encoded 16, 列出待复核 listed 1\)/);
    expect(summary).toMatch(/Items by confidence: ≥0\.8 \d+, 0\.5–0\.8 \d+, <0\.5 \d+/);
    expect(summary).toContain('Pack-wide rules (from the general part): 4');
  });

  it.each([['empty.txt'], ['binary.bin'], ['unrelated.txt']])(
    '%s: "no guideline direction found", exit 2, nothing written',
    async (name) => {
      const out = join(dir, 'draft.json');
      expect(await command.run([join(fixtures, name), '-o', out])).toBe(2);
      expect(stderr.join('\n')).toContain('未识别到指南方向 (no guideline direction found)');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(dir, 'draft.review.json'))).toBe(false);
    },
  );

  it('a missing file: clear message, exit 2', async () => {
    expect(await command.run([join(dir, 'nope.txt')])).toBe(2);
    expect(stderr.join('\n')).toContain('找不到文件 (file not found)');
  });

  it('no file given: usage, exit 2', async () => {
    expect(await command.run([])).toBe(2);
    expect(stderr.join('\n')).toContain('Usage');
  });

  it('a broken PDF: clear message, exit 2', async () => {
    const pdf = join(dir, 'broken.pdf');
    writeFileSync(pdf, '%PDF-1.4\nthis is not a pdf\n');
    const out = join(dir, 'draft.json');
    expect(await command.run([pdf, '-o', out])).toBe(2);
    expect(stderr.join('\n')).toContain('无法读取 PDF (cannot read the PDF)');
    expect(existsSync(out)).toBe(false);
  });

  it('never overwrites a draft under review unless --force', async () => {
    const input = join(dir, 'g.txt');
    copyFileSync(join(fixtures, 'one-direction-no-budget.txt'), input);
    const out = join(dir, 'draft.json');
    writeFileSync(out, 'edited by an admin');
    expect(await command.run([input, '-o', out])).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('edited by an admin');
    expect(await command.run([input, '-o', out, '--force'])).toBe(0);
    expect(RulePack.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true);
  });
});
