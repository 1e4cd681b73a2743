// The admin CLI (`npm run rules --`) spawned as an admin runs it: real tsx, a fresh HOME and working folder.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const repo = join(import.meta.dirname, '..', '..', '..');
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const cli = join(repo, 'scripts', 'rules.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `rules(...args)` runs scripts/rules.ts in `home` (also its HOME, where keygen writes by default). */
export function rulesCli(home: string): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(tsx, [cli, ...args], {
        cwd: home,
        env: { ...process.env, HOME: home },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as CliRun;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}
