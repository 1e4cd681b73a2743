// npm run check -- --pack <id> --direction <code> [--json] [--lang en] [--packs <dir>] <application.json>
// Checks one application file against a bundled rule pack. Exit 0 ok, 1 an error-severity rule fails, 2 bad input.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseApplication } from '../lib/application/parseApplication';
import { evaluate, findDirection } from '../lib/engine/evaluate';
import { hasBlockingFailure, renderReport, reportJson } from '../lib/engine/report';
import { bundledPackDir, loadPackDir } from '../lib/packs/fromDisk';

const usage = `用法 Usage: npm run check -- --pack <pack-id> --direction <code> <application.json>

  --pack <id>         规则包 rule pack id (default: the application's "guideline")
  --direction <code>  指南方向 direction code, e.g. 1.7 (default: the application's "direction")
  --json              机器可读输出 machine-readable output
  --lang zh|en        输出语言 output language (default zh)
  --packs <dir>       规则包目录 directory of packs (default rules/)
  --help              本说明 this help

退出码 Exit: 0 无错误 no failing error rule, 1 有错误级规则未通过 an error-severity rule fails, 2 输入无效 bad input`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        pack: { type: 'string' },
        direction: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        packs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`参数无效 Invalid arguments: ${(error as Error).message}\n\n${usage}`);
  }
}
const { values, positionals } = parseCommandLine();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const lang = values.lang;
if (lang !== 'zh' && lang !== 'en') fail(`--lang 只能是 zh 或 en / --lang must be zh or en, not "${lang}"`);
if (positionals.length !== 1) fail(`需要且只需要一个申请书文件 / Expected exactly one application file\n\n${usage}`);
const file = positionals[0]!;

let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  fail(`无法读取申请书 Cannot read application ${file}: ${(error as Error).message}`);
}
const application = parseApplication(json);
if (!application.ok)
  fail(`申请书无效 Invalid application ${file}:\n${application.errors.map((e) => `  ${e}`).join('\n')}`);

const packDir = values.packs ?? bundledPackDir;
const loaded = loadPackDir(packDir);
const packId = values.pack ?? application.application.guideline;
const ids = loaded.packs.map((p) => p.id).join(', ') || '(none)';
if (!packId) fail(`请用 --pack 指定规则包 / Name a rule pack with --pack. Packs: ${ids}`);
const pack = loaded.packs.find((p) => p.id === packId);
if (!pack) {
  const invalid = loaded.errors.length
    ? `\n无效的规则包文件 Invalid pack files:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}`
    : '';
  fail(`未知规则包 Unknown pack "${packId}" in ${packDir}. Packs: ${ids}${invalid}`);
}
const code = values.direction ?? application.application.direction;
const codes = pack.directions.map((d) => d.code).join(', ');
if (!code) fail(`请用 --direction 指定指南方向 / Name a direction with --direction. Directions: ${codes}`);
const direction = findDirection(pack, code);
if (!direction)
  fail(`规则包 ${pack.id} 中没有指南方向 "${code}" / Pack ${pack.id} has no direction "${code}". Directions: ${codes}`);

const findings = evaluate(pack, direction.code, application.application);
console.log(
  values.json
    ? JSON.stringify(reportJson(pack, direction, findings, lang), null, 2)
    : renderReport(pack, direction, findings, lang),
);
process.exit(hasBlockingFailure(findings) ? 1 : 0);
