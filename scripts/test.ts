// npm test: lint and format check, type-check, unit tests, the store builds and Mozilla's store lint of the Firefox
// build, the test build, end-to-end tests in Chromium and Firefox.
// Ends with the line "N passed, N failed" and a non-zero exit code when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  // NO_UPDATE_NOTIFIER: web-ext would otherwise ask the registry for a newer version of itself.
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  console.log(`◀ ${title}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** A step that is not a test suite counts as one test. */
function step(title: string, command: string, args: string[]): boolean {
  const ok = run(title, command, args);
  if (ok) passed++;
  else {
    failed++;
    console.error(`✘ ${title} failed`);
  }
  return ok;
}

/** A vitest run counts its own tests, read from its JSON report. */
function suite(title: string, configArgs: string[]) {
  const file = join(reports, `${title}.json`);
  run(title, 'npx', [
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTestSuites: number;
      numFailedTestSuites: number;
      success: boolean;
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails to load has no failed test but fails the run.
    if (!report.success && report.numFailedTests === 0) failed += Math.max(1, report.numFailedTestSuites);
  } catch {
    failed++;
    console.error(`✘ ${title}: no report (the run crashed)`);
  }
}

step('lint and format (biome ci)', 'npx', ['biome', 'ci', '--error-on-warnings', '.']);
step('typecheck', 'npx', ['tsc', '--noEmit']);
suite('unit', []);
const storeBuilt = step('build (store)', 'npm', ['run', 'build']);
// AMO's linter, run offline on the Firefox store build: 0 errors and 0 warnings.
if (storeBuilt) step('web-ext lint (Firefox store build)', 'npm', ['run', 'lint:firefox']);
const built = storeBuilt && step('build:test', 'npm', ['run', 'build:test']);
if (built) suite('e2e', ['--config', 'vitest.e2e.config.ts']);
else {
  failed++;
  console.error('✘ e2e not run: a build failed');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
