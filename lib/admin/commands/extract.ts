import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { extractDraft, NoDirectionError } from '../../extract/extract';
import { isPdf, pdfText, PdfReadError } from '../../extract/pdfText';
import { formatSummary } from '../../extract/summary';
import { parsePack } from '../../packs/parsePack';
import type { AdminCommand } from '../command';
import { chineseFirst } from '../packFile';

const usage = 'npm run rules -- extract <guideline.txt|guideline.pdf> [-o draft.json] [--id pack-id] [--force]';

interface Options {
  input?: string;
  output?: string;
  id?: string;
  force: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { force: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '--output' || arg === '--id') {
      const value = args[++i];
      if (!value) return `${arg} 缺少取值 (${arg} needs a value)`;
      if (arg === '--id') options.id = value;
      else options.output = value;
    } else if (arg === '--force') options.force = true;
    else if (arg.startsWith('-')) return `未知选项 (unknown option) ${arg}`;
    else if (options.input) return `只能给一个指南文件 (one guideline file only): ${arg}`;
    else options.input = arg;
  }
  return options.input ? options : '缺少指南文件 (no guideline file given)';
}

async function guidelineText(path: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  if (isPdf(bytes)) return pdfText(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

const command: AdminCommand = {
  summary: '从指南文本或 PDF 生成待复核的规则包草稿 (draft a rule pack from a guideline)',
  usage,
  async run(args) {
    const options = parseArgs(args);
    if (typeof options === 'string') return fail(`${options}\n用法 Usage: ${usage}`);
    const input = options.input!;
    if (!existsSync(input) || !statSync(input).isFile()) return fail(`找不到文件 (file not found): ${input}`);
    const output = options.output ?? `${basename(input, extname(input))}.draft.json`;
    const reviewPath = output.replace(/(\.json)?$/, '.review.json');
    // A draft under review holds an admin's edits: never overwrite it unasked.
    for (const path of [output, reviewPath]) {
      if (existsSync(path) && !options.force)
        return fail(`文件已存在，未覆盖 (exists, not overwritten; use --force): ${path}`);
    }

    let text: string;
    try {
      text = await guidelineText(input);
    } catch (error) {
      if (error instanceof PdfReadError) return fail(error.message);
      throw error;
    }
    let extraction: ReturnType<typeof extractDraft>;
    try {
      extraction = extractDraft(text, { id: options.id, source: input, today: new Date().toISOString().slice(0, 10) });
    } catch (error) {
      if (error instanceof NoDirectionError) return fail(error.message);
      throw error;
    }
    const { pack, review } = extraction;
    const validation = parsePack(JSON.parse(JSON.stringify(pack)));
    if (!validation.ok) {
      console.error('草稿未通过规则包校验，未写入 (the draft fails pack validation; nothing written):');
      for (const error of validation.errors) console.error(`  ${chineseFirst(error)}`);
      return 1;
    }
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(validation.pack, null, 2)}\n`);
    writeFileSync(reviewPath, `${JSON.stringify(review, null, 2)}\n`);
    console.log(formatSummary(validation.pack, review));
    console.log(`\n已写入 Written: ${output}\n复核清单 Review list: ${reviewPath}`);
    console.log(`下一步 Next: 复核后运行 after review run  npm run rules -- validate ${output}  (草稿 draft: --draft)`);
    return 0;
  },
};

export default command;
