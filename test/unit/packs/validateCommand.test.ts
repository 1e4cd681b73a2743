import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const mini = 'test/fixtures/packs/mini.json';

function validate(...files: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/rules.ts', 'validate', ...files], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run rules -- validate', { timeout: 90_000 }, () => {
  it('exit 0 with a summary of directions and rules by kind', () => {
    const { code, stdout } = validate(mini);
    expect(code).toBe(0);
    expect(stdout).toContain('test-mini v1 — 2 个方向 directions, 7 条规则 rules (check 5, confirm 1, document 1)');
    expect(stdout).toMatch(/1\.7\s+5 rules\s+中国和奥地利政府间科技合作项目/);
  });

  it('exit 1 with the path of every error', () => {
    const pack = JSON.parse(readFileSync(join(root, mini), 'utf8'));
    pack.directions[0].rules[0].check = { op: 'regexp', field: 'x' };
    pack.directions[1].code = 'one';
    const file = join(mkdtempSync(join(tmpdir(), 'guidecheck-')), 'bad.json');
    writeFileSync(file, JSON.stringify(pack));
    const { code, stderr } = validate(file);
    expect(code).toBe(1);
    expect(stderr).toContain('2 处错误 error(s)');
    // Chinese first, then the English detail on the next line.
    expect(stderr).toMatch(/directions\[0\]\.rules\[0\]\.check\.op：.+\n\s+unknown operator "regexp"/);
    expect(stderr).toContain('directions[1].code：');
  });

  it('exit 2 on any unknown key, each printed with its path (a misspelt "wehn" is never dropped)', () => {
    const pack = JSON.parse(readFileSync(join(root, mini), 'utf8'));
    pack.directions[0].rules[0].wehn = pack.directions[0].rules[0].check;
    pack.directions[0].rules[1].check = { all: [{ ...pack.directions[0].rules[1].check, valeu: 3 }] };
    pack.sorce = 'x';
    const file = join(mkdtempSync(join(tmpdir(), 'guidecheck-')), 'misspelt.json');
    writeFileSync(file, JSON.stringify(pack));
    const { code, stderr } = validate(file);
    expect(code).toBe(2);
    expect(stderr).toContain('未知字段（拼写错误？）Unknown keys (misspelt?):');
    for (const path of ['directions[0].rules[0].wehn', 'directions[0].rules[1].check.all[0].valeu', 'sorce'])
      expect(stderr).toContain(`    ${path}\n`);
    // Only an unknown key makes it 2: the same pack without them and with an ordinary error stays 1.
    delete pack.sorce;
    delete pack.directions[0].rules[0].wehn;
    pack.directions[0].rules[1].check.all[0] = {
      ...pack.directions[0].rules[1].check.all[0],
      valeu: undefined,
      op: 'regexp',
    };
    writeFileSync(file, JSON.stringify(pack));
    expect(validate(file).code).toBe(1);
  });

  it('exit 2 on a file that is not JSON and without a file (bad input)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'guidecheck-')), 'broken.json');
    writeFileSync(file, '{ "schema": 1,');
    expect(validate(file).code).toBe(2);
    expect(validate(file).stderr).toContain('不是有效的 JSON');
    expect(validate().code).toBe(2);
  });
});
