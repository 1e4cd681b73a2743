import type { AdminCommand } from '../command';
import { readPackFile } from '../../packs/fromDisk';

/** `npm run rules -- validate <pack.json>…`: schema and convention checks, with the path of every error. */
const validate: AdminCommand = {
  summary: '校验规则包 Validate rule pack files (schema + conventions)',
  usage: 'npm run rules -- validate <pack.json> [more.json …]',
  async run(args) {
    const files = args.filter((a) => !a.startsWith('-'));
    if (!files.length) {
      console.error(`需要规则包文件 Expected a pack file\n用法 Usage: ${this.usage}`);
      return 2;
    }
    let failed = false;
    for (const file of files) {
      const result = readPackFile(file);
      if (!result.ok) {
        failed = true;
        console.error(`✗ ${file}: ${result.errors.length} 处错误 error(s)`);
        for (const error of result.errors) console.error(`  ${error}`);
        continue;
      }
      const { pack } = result;
      const rules = [...pack.rules, ...pack.directions.flatMap((d) => d.rules)];
      const byKind = (['check', 'confirm', 'document'] as const)
        .map((k) => `${k} ${rules.filter((r) => r.kind === k).length}`)
        .join(', ');
      console.log(
        `✓ ${file}: ${pack.id} v${pack.version} — ${pack.directions.length} 个方向 directions, ${rules.length} 条规则 rules (${byKind})`,
      );
      for (const d of pack.directions)
        console.log(`    ${d.code.padEnd(5)} ${String(d.rules.length).padStart(3)} rules  ${d.title.zh}`);
    }
    return failed ? 1 : 0;
  },
};

export default validate;
