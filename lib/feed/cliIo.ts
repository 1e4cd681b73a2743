// Node-only helpers of the admin CLI's feed commands (lib/admin/commands/{keygen,sign,verify,diff,publish}.ts).
// The extension never imports this file.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parsePack } from '../packs/parsePack';
import type { RulePack } from '../packs/schema';
import { ed25519 } from './crypto';
import { fromBase64Url } from './encoding';
import { KeyFile, keyFileProblem, type SigningKey, type TrustedKey } from './keyFile';
import type { Bilingual } from '../core/vocabulary';

/** Thrown for bad input; the command prints it and exits with 2. */
export class BadInput extends Error {
  constructor(readonly text: Bilingual) {
    super(`${text.zh} / ${text.en}`);
  }
}

export function say(text: Bilingual): string {
  return `${text.zh}\n  ${text.en}`;
}

/** Runs a command body, turning BadInput into exit code 2 with a zh/en message. */
export async function guarded(usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof BadInput) {
      console.error(`✗ ${say(error.text)}`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`✗ 参数错误 Bad arguments: ${(error as Error).message}\n用法 Usage: ${usage}`);
      return 2;
    }
    throw error;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Whether `arg` names one of the command's options (`--name`, `--name=…`, `-x`). */
function isOption(arg: string, options: Options): boolean {
  if (arg === '--') return true;
  if (arg.startsWith('--')) return Object.hasOwn(options, arg.slice(2).split('=')[0]!);
  return arg.length === 2 && Object.values(options).some((o) => o.short === arg[1]);
}

/**
 * Joins `--name value` into `--name=value` when a string option's value starts with a dash: a base64url public key
 * does one time in 64, and parseArgs would refuse it as ambiguous.
 */
function joinDashValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    const name = arg.startsWith('--')
      ? arg.slice(2)
      : Object.keys(options).find((k) => `-${options[k]!.short}` === arg);
    if (
      name &&
      Object.hasOwn(options, name) &&
      options[name]!.type === 'string' &&
      next?.startsWith('-') &&
      !isOption(next, options)
    ) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function args<T extends Options>(argv: string[], options: T) {
  return parseArgs({ args: joinDashValues(argv, options), options, allowPositionals: true, strict: true });
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new BadInput({ zh: `无法读取文件 ${path}`, en: `Cannot read ${path}: ${(error as Error).message}` });
  }
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInput({ zh: `${path} 不是有效的 JSON`, en: `${path} is not valid JSON: ${(error as Error).message}` });
  }
}

/** A pack file validated with lib/packs (schema + conventions); also returns its exact text, which is what gets signed. */
export function readPack(path: string): { pack: RulePack; text: string } {
  const text = readText(path);
  const json = readJson(path);
  const parsed = parsePack(json);
  if (!parsed.ok) {
    throw new BadInput({
      zh: `${path} 不是有效的规则包：\n    ${parsed.errors.join('\n    ')}`,
      en: `${path} is not a valid rule pack (${parsed.errors.length} error(s), listed above)`,
    });
  }
  return { pack: parsed.pack, text };
}

async function readKeyFile(path: string): Promise<KeyFile> {
  const parsed = KeyFile.safeParse(readJson(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadInput({
      zh: `${path} 不是密钥文件（${issue.path.join('.')}）`,
      en: `${path} is not a key file (${issue.path.join('.')}: ${issue.message})`,
    });
  }
  const problem = await keyFileProblem(await ed25519(), parsed.data);
  if (problem) throw new BadInput({ zh: `${path}：${problem.zh}`, en: `${path}: ${problem.en}` });
  return parsed.data;
}

export async function readSigningKey(path: string): Promise<SigningKey> {
  const file = await readKeyFile(path);
  if (!file.privateKey)
    throw new BadInput({
      zh: `${path} 是公钥文件，签名需要私钥文件`,
      en: `${path} is a public key file; signing needs the private key file`,
    });
  return { kid: file.kid, seed: fromBase64Url(file.privateKey)! };
}

export async function readTrustedKey(path: string): Promise<TrustedKey> {
  const file = await readKeyFile(path);
  return { kid: file.kid, publicKey: file.publicKey };
}
