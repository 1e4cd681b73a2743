import { BadInput, args, guarded, readJson, say } from '../../feed/cliIo';
import { parsePack } from '../../packs/parsePack';
import type { AdminCommand } from '../command';
import { chineseFirst, kindOfFile, pendingReview, reviewPathOf } from '../packFile';

const usage = 'npm run rules -- validate <pack.json> [more.json …] [--draft]';

/**
 * `validate`: schema and convention checks, with the path of every error, then what a draft still needs a
 * person for (placeholders, low-confidence items, sentences not encoded). Exit 0 when every file is a
 * reviewed, valid pack; 1 when a pack has errors or still needs review (with --draft: errors only);
 * 2 when a file is not a pack at all or has a key the format does not know (a misspelt "wehn" would
 * otherwise be a rule part silently missing).
 */
const validate: AdminCommand = {
  summary: '校验规则包 Validate rule packs (schema + conventions + what a draft still needs a person for)',
  usage,
  run: (argv) =>
    guarded(usage, async () => {
      const { values, positionals: files } = args(argv, { draft: { type: 'boolean' } });
      if (!files.length)
        throw new BadInput({ zh: `需要规则包文件\n用法：${usage}`, en: `Expected a pack file. Usage: ${usage}` });
      let code = 0;
      for (const file of files) {
        const json = readJson(file);
        const kind = kindOfFile(json, file);
        if (kind)
          throw new BadInput({ zh: `${file} 不是规则包：${kind.zh}`, en: `${file} is not a rule pack: ${kind.en}` });
        const result = parsePack(json);
        if (!result.ok) {
          code = Math.max(code, result.unknownKeys.length ? 2 : 1);
          console.error(`✗ ${file}：${result.errors.length} 处错误 error(s)`);
          for (const error of result.errors) console.error(`  ${chineseFirst(error)}`);
          if (result.unknownKeys.length) {
            console.error(`  未知字段（拼写错误？）Unknown keys (misspelt?):`);
            for (const path of result.unknownKeys) console.error(`    ${path}`);
          }
          continue;
        }
        const { pack } = result;
        const rules = [...pack.rules, ...pack.directions.flatMap((d) => d.rules)];
        const byKind = (['check', 'confirm', 'document'] as const)
          .map((k) => `${k} ${rules.filter((r) => r.kind === k).length}`)
          .join(', ');
        const pending = pendingReview(pack, file);
        const mark = pending.length && !values.draft ? '✗' : '✓';
        console.log(
          `${mark} ${file}: ${pack.id} v${pack.version} — ${pack.directions.length} 个方向 directions, ${rules.length} 条规则 rules (${byKind}); 全指南 pack-wide ${pack.rules.length}`,
        );
        for (const d of pack.directions)
          console.log(`    ${d.code.padEnd(5)} ${String(d.rules.length).padStart(3)} rules  ${d.title.zh}`);
        if (pending.length) {
          console.log(
            `\n  仍需人工处理 ${pending.length} 项 Still needs a person (${pending.length}) — 在 ${reviewPathOf(file)} 中处理后给该项加 "resolved": true，并改掉占位值 / fix the pack, then mark each review item "resolved": true:`,
          );
          for (const p of pending) console.log(`    - ${p}`);
          if (values.draft) console.log('  --draft：作为草稿校验通过 valid as a draft; not ready to sign');
          else code = Math.max(code, 1);
        }
      }
      if (code >= 1)
        console.error(
          say({ zh: '未通过：见上文', en: 'Not ready: see above (--draft checks a draft without its review items)' }),
        );
      return code;
    }),
};

export default validate;
