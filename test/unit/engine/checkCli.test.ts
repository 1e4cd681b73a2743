import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const packs = 'test/fixtures/packs';
const application = 'test/fixtures/packs/application-1.7.json';

function check(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/check.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'guidecheck-')), 'application.json');
  writeFileSync(file, content);
  return file;
}

describe('npm run check', { timeout: 30_000 }, () => {
  it('prints Chinese findings grouped by status with the guideline quote, exit 1 on a failing error rule', () => {
    const { code, stdout } = check('--packs', packs, '--pack', 'test-mini', '--direction', '1.7', application);
    expect(code).toBe(1);
    expect(stdout).toContain('## 未通过 (1)');
    expect(stdout).toContain('- [错误] 执行期 36 个月，本方向要求不超过 24 个月  (test-mini/1.7/duration-max-2y)');
    expect(stdout).toContain('指南原文：“项目执行期原则上不超过 2年。”');
    expect(stdout.indexOf('## 未通过')).toBeLessThan(stdout.indexOf('## 待确认'));
    expect(stdout.indexOf('## 待确认')).toBeLessThan(stdout.indexOf('## 通过'));
  });

  it('exit 0 when no error-severity rule fails, and --lang en', () => {
    const { code, stdout } = check(
      '--packs',
      packs,
      '--pack',
      'test-mini',
      '--direction',
      '1.8',
      '--lang',
      'en',
      application,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('## Passed');
    expect(stdout).toContain('At least one enterprise in the Chinese team');
  });

  it('--json gives machine output', () => {
    const { code, stdout } = check(
      '--packs',
      packs,
      '--pack',
      'test-mini',
      '--direction',
      '1.7',
      '--json',
      application,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ pack: { id: 'test-mini', version: 1 }, direction: '1.7', blocking: true });
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'test-mini/1.7/duration-max-2y')).toMatchObject(
      {
        status: 'fail',
        message: '执行期 36 个月，本方向要求不超过 24 个月',
        detail: [{ actual: 36, max: 24 }],
      },
    );
  });

  it.each([
    [['--pack', 'nope', '--direction', '1.7', application], /未知规则包 Unknown pack "nope".*Packs: test-mini/],
    [['--pack', 'test-mini', '--direction', '3.3', application], /没有指南方向 "3.3".*Directions: 1.7, 1.8/],
    [
      ['--pack', 'test-mini', '--direction', '1.7', 'missing.json'],
      /无法读取申请书 Cannot read application missing.json/,
    ],
    [['--pack', 'test-mini', '--direction', '1.7'], /Expected exactly one application file/],
    [['--pack', 'test-mini', '--direction', '1.7', '--lang', 'fr', application], /--lang must be zh or en/],
    [['--bogus', application], /参数无效 Invalid arguments/],
  ])('exit 2 on bad input %j', (args, message) => {
    const { code, stderr } = check('--packs', packs, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exit 2 on an invalid application with the path and the reason', () => {
    const file = tempFile(JSON.stringify({ budget: { central: '很多' }, participants: [{ type: 'company' }] }));
    const { code, stderr } = check('--packs', packs, '--pack', 'test-mini', '--direction', '1.7', file);
    expect(code).toBe(2);
    expect(stderr).toContain('申请书无效 Invalid application');
    expect(stderr).toMatch(/budget\.central: Invalid input: expected number, received string（类型错误，应为 number）/);
    expect(stderr).toMatch(/participants\[0\]\.type: Invalid option/);
  });

  it('takes pack and direction from the application when not given', () => {
    const file = tempFile(
      JSON.stringify({ guideline: 'test-mini', direction: '1.8', leadUnit: { type: 'enterprise' } }),
    );
    const { code, stdout } = check('--packs', packs, file);
    expect(code).toBe(0);
    expect(stdout).toContain('1.8 中国和韩国政府间大型产学研联合研究项目');
  });

  it('--help', () => {
    const { code, stdout } = check('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('npm run check -- --pack <pack-id> --direction <code> <application.json>');
  });
});
