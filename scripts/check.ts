// npm run check -- --pack <id|file> [--pack <layer>…] --direction <code> [--checklist <file>] [--json] [--lang en] [--packs <dir>] <application.json>
// Checks one application file against a rule pack and any institution layers. Exit 0 ok, 1 blocked, 2 bad input.
import { parseArgs } from 'node:util';
import { parseApplication } from '../lib/application/parseApplication';
import type { ChecklistEvidence as Checklist } from '../lib/core/vocabulary';
import { evaluate, findDirection } from '../lib/engine/evaluate';
import type { Finding } from '../lib/engine/finding';
import { renderReport, reportJson } from '../lib/engine/report';
import { bundledPackDir, highestVersions, loadPackDir, readJsonFile, readPackFile } from '../lib/packs/fromDisk';
import { contextTree, resolvePath } from '../lib/packs/knownPaths';
import type { RulePack } from '../lib/packs/schema';

const usage = `用法 Usage: npm run check -- --pack <pack-id> --direction <code> <application.json>

  --pack <id|file>    规则包 rule pack id or .json file (default: the application's "guideline"); repeat to add
                      institution layers: --pack 2019-intl-1 --pack rules/examples/institution-2026.json
  --direction <code>  指南方向 direction code, e.g. 1.7 (default: the application's "direction")
  --checklist <file>  已确认事项 confirmations and ready documents: { "confirmations": { "<rule id>": { "at": "…" } },
                      "documents": { "<rule id>": { "ready": true, "at": "…" } } }
  --allow-incomplete  待填写/待确认的错误级规则不算未通过 unknown or unconfirmed error rules do not block
  --json              机器可读输出 machine-readable output
  --lang zh|en        输出语言 output language (default zh)
  --packs <dir>       规则包目录 directory of packs (default rules/); of two versions of one id the highest is used
  --help              本说明 this help

退出码 Exit: 0 可提交 nothing blocks; 1 错误级规则未通过，或（除非 --allow-incomplete）待填写/待确认
an error-severity rule fails, or (unless --allow-incomplete) is unknown or unconfirmed; 2 输入无效 bad input`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        pack: { type: 'string', multiple: true },
        direction: { type: 'string' },
        checklist: { type: 'string' },
        'allow-incomplete': { type: 'boolean', default: false },
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

const json = readJsonFile(file);
if (!json.ok) fail(`无法读取申请书 Cannot read application ${file}: ${json.error}`);
const misspelt = unknownKeys(json.value);
if (misspelt.length)
  fail(
    `申请书有未知字段 Unknown keys in ${file} (misspelt?):\n${misspelt.map((p) => `  ${p}（未知字段）`).join('\n')}`,
  );
const application = parseApplication(json.value);
if (!application.ok)
  fail(`申请书无效 Invalid application ${file}:\n${application.errors.map((e) => `  ${e}`).join('\n')}`);

const notes: string[] = [];
const packDir = values.packs ?? bundledPackDir;
const loaded = loadPackDir(packDir);
const available = highestVersions(loaded.packs, (note) => notes.push(note));
const ids = available.map((p) => p.id).join(', ') || '(none)';

/** A pack named by id (from --packs) or by a .json path. */
function packNamed(name: string): RulePack {
  if (name.endsWith('.json')) {
    const read = readPackFile(name);
    if (!read.ok) fail(`规则包无效 Invalid pack ${name}:\n${read.errors.map((e) => `  ${e}`).join('\n')}`);
    return read.pack;
  }
  const pack = available.find((p) => p.id === name);
  if (pack) return pack;
  const invalid = loaded.errors.length
    ? `\n无效的规则包文件 Invalid pack files:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}`
    : '';
  fail(`未知规则包 Unknown pack "${name}" in ${packDir}. Packs: ${ids}${invalid}`);
}

const named = values.pack ?? (application.application.guideline ? [application.application.guideline] : []);
if (!named.length) fail(`请用 --pack 指定规则包 / Name a rule pack with --pack. Packs: ${ids}`);
const [pack, ...layers] = named.map((n) => packNamed(n.trim()));
const code = (values.direction ?? application.application.direction)?.trim();
const codes = pack!.directions.map((d) => d.code).join(', ');
if (!code) fail(`请用 --direction 指定指南方向 / Name a direction with --direction. Directions: ${codes}`);
const direction = findDirection(pack!, code);
if (!direction)
  fail(
    `规则包 ${pack!.id} 中没有指南方向 "${code}" / Pack ${pack!.id} has no direction "${code}". Directions: ${codes}`,
  );

const today = new Date().toISOString().slice(0, 10);
for (const p of [pack!, ...layers])
  if (p.expires < today)
    notes.push(`规则包 ${p.id} v${p.version} 已于 ${p.expires} 过期 / Pack ${p.id} expired on ${p.expires}`);

let checklist: Checklist | undefined;
if (values.checklist) {
  const read = readJsonFile(values.checklist);
  const value = read.ok ? (read.value as Partial<Checklist>) : undefined;
  if (!read.ok || typeof value !== 'object' || value === null)
    fail(`无法读取确认清单 Cannot read checklist ${values.checklist}${read.ok ? '' : `: ${read.error}`}`);
  checklist = { confirmations: value.confirmations ?? {}, documents: value.documents ?? {} };
}

const findings = evaluate(pack!, direction.code, application.application, checklist, layers);
for (const note of notes) console.error(note);
console.log(
  values.json
    ? JSON.stringify({ ...reportJson(pack!, direction, findings, lang, layers), notes }, null, 2)
    : renderReport(pack!, direction, findings, lang, layers),
);
process.exit(blocks(findings, values['allow-incomplete']) ? 1 : 0);

/** An error rule that fails blocks; so does one still unknown or unconfirmed, unless allowed. */
function blocks(findings: Finding[], allowIncomplete: boolean): boolean {
  const blocking = allowIncomplete ? ['fail'] : ['fail', 'unknown', 'confirm'];
  return findings.some((f) => f.severity === 'error' && blocking.includes(f.status));
}

/** Keys of the application file the model does not have, with their paths ("pi.birthdate"). */
function unknownKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownKeys(item, `${path}.${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = path ? `${path}.${key}` : key;
    return resolvePath(contextTree, at) ? unknownKeys(child, at) : [at];
  });
}
