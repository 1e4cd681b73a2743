import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  it("prints Chinese findings grouped by the panel's verdict words with the guideline quote, exit 1 on a failing error rule", () => {
    const { code, stdout } = check('--packs', packs, '--pack', 'test-mini', '--direction', '1.7', application);
    expect(code).toBe(1);
    expect(stdout).toContain('## 错误 (1)');
    // Named by its title with what was found, never by its rule id
    expect(stdout).toContain('- 执行期不超过 2 年：执行期 36 个月，本方向要求不超过 24 个月\n');
    expect(stdout).not.toMatch(/test-mini\/|\/1\.7\//);
    expect(stdout).toContain('指南原文：“项目执行期原则上不超过 2年。”');
    expect(stdout.indexOf('## 错误')).toBeLessThan(stdout.indexOf('## 待确认'));
    expect(stdout.indexOf('## 待确认')).toBeLessThan(stdout.indexOf('## 已通过'));
    // One vocabulary with the panel: no "未通过" (an info item is a 提示), and the summary counts every verdict
    expect(stdout).not.toContain('未通过');
    expect(stdout).toMatch(/共 \d+ 条：错误 1，警告 \d+，信息不全 \d+，待确认 \d+，提示 \d+，已通过 \d+，不适用 \d+/);
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
      '--allow-incomplete',
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
    const { code, stdout } = check('--packs', packs, '--allow-incomplete', file);
    expect(code).toBe(0);
    expect(stdout).toContain('1.8 中国和韩国政府间大型产学研联合研究项目');
  });

  it('--help', () => {
    const { code, stdout } = check('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('npm run check -- --pack <pack-id> --direction <code> <application.json>');
  });

  describe('real files', () => {
    const pass18 = JSON.stringify({ guideline: 'test-mini', direction: '1.8', leadUnit: { type: 'enterprise' } });

    it('exit 1 while error rules are unknown or unconfirmed; --checklist confirms', {
      timeout: 150_000,
    }, () => {
      const file = tempFile(JSON.stringify({ ...JSON.parse(pass18), direction: '1.7' }));
      const pack = JSON.parse(readFileSync(join(root, packs, 'mini.json'), 'utf8'));
      const confirmRules = [...pack.rules, ...pack.directions[0].rules].filter(
        (r: { kind: string }) => r.kind !== 'check',
      );
      const at = '2026-11-20T08:00:00.000Z';
      const checklist = join(mkdtempSync(join(tmpdir(), 'guidecheck-')), 'checklist.json');
      writeFileSync(
        checklist,
        JSON.stringify({
          confirmations: Object.fromEntries(confirmRules.map((r: { id: string }) => [r.id, { at }])),
          documents: Object.fromEntries(confirmRules.map((r: { id: string }) => [r.id, { ready: true, at }])),
        }),
      );
      const statuses = (run: { stdout: string }) =>
        (JSON.parse(run.stdout).findings as { ruleId: string; status: string }[])
          .filter((f) => confirmRules.some((r: { id: string }) => r.id === f.ruleId))
          .map((f) => f.status);
      const blocked = check('--packs', packs, '--json', file);
      expect(blocked.code).toBe(1);
      expect(statuses(blocked)).toContain('confirm');
      const confirmed = check('--packs', packs, '--json', '--checklist', checklist, file);
      expect(statuses(confirmed).length).toBeGreaterThan(0);
      expect(statuses(confirmed).every((s) => s === 'pass')).toBe(true);
    });

    it.each([
      ['a UTF-8 BOM', `\uFEFF${pass18}`, 0, /1\.8 中国和韩国/],
      ['a --direction with spaces', pass18, 0, /1\.8 中国和韩国/, ['--direction', ' 1.8 ']],
    ])('accepts %s', (_, content, code, out, extra: string[] = []) => {
      const run = check('--packs', packs, '--allow-incomplete', ...extra, tempFile(content));
      expect([run.code, run.stderr]).toEqual([code, '']);
      expect(run.stdout).toMatch(out);
    });

    it.each([
      [
        'a misspelt key, with its path',
        { ...JSON.parse(pass18), pi: { birthdate: '1970-01-01' }, leadUnit: { type: 'enterprise', nmae: 'x' } },
        2,
        /申请书有未知字段 Unknown keys[\s\S]*leadUnit\.nmae（未知字段）[\s\S]*pi\.birthdate/,
      ],
      [
        'an impossible date, named at its field',
        { ...JSON.parse(pass18), pi: { birthDate: '1970-02-30' } },
        1,
        /pi\.birthDate：“1970-02-30”不是有效日期/,
      ],
      [
        'a non-ISO date',
        { ...JSON.parse(pass18), project: { startDate: '2020/01/01', endDate: '2021-12-31' } },
        1,
        /project\.startDate：“2020\/01\/01”不是有效日期/,
      ],
      [
        'reversed dates',
        { ...JSON.parse(pass18), project: { startDate: '2021-01-01', endDate: '2020-12-31' } },
        1,
        /project\.endDate：结束日期 2020-12-31 早于开始日期 2021-01-01/,
      ],
    ])('reports %s', (_, application, code, message) => {
      const run = check('--packs', packs, '--allow-incomplete', tempFile(JSON.stringify(application)));
      expect(run.code).toBe(code);
      expect(code === 2 ? run.stderr : run.stdout).toMatch(message);
    });

    it('two versions of one pack: the highest is used and the note says so; an expired pack is flagged', () => {
      const dir = mkdtempSync(join(tmpdir(), 'guidecheck-packs-'));
      const pack = JSON.parse(readFileSync(join(root, packs, 'mini.json'), 'utf8'));
      copyFileSync(join(root, packs, 'mini.json'), join(dir, 'a.json'));
      writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...pack, version: 3, expires: '2020-12-31' }));
      const run = check('--packs', dir, '--allow-incomplete', tempFile(pass18));
      expect(run.stdout).toContain('测试规则包 v3');
      expect(run.stderr).toContain('规则包 test-mini 有两个版本，使用 v3，忽略 v1');
      expect(run.stderr).toContain('Pack test-mini expired on 2020-12-31');
    });

    it('shows vocabulary values by their Chinese labels', () => {
      const file = tempFile(
        JSON.stringify({ ...JSON.parse(pass18), direction: '1.7', leadUnit: { type: 'stateOrgan' } }),
      );
      const layer = join(root, 'rules/examples/institution-2026.json');
      const run = check('--packs', packs, '--pack', 'test-mini', '--pack', layer, '--allow-incomplete', file);
      expect(run.stdout).toMatch(
        /- 国家机关不牵头、不参与申报：单位性质为国家机关，不得牵头或参与申报（示例：某某大学/,
      );
      expect(run.stdout).not.toContain('no-state-organ');
    });
  });
});
