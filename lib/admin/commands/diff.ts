import type { AdminCommand } from '../command';
import { BadInput, args, guarded, readJson } from '../../feed/cliIo';
import { diffPacks } from '../../feed/diff';
import { fromBase64Url, fromUtf8 } from '../../feed/encoding';
import { PackEnvelope } from '../../feed/envelope';
import { parsePack } from '../../packs/parsePack';
import type { RulePack } from '../../packs/schema';

const usage = 'npm run rules -- diff <old.json> <new.json>   (规则包或签名文件 packs or envelopes)';

/** A pack file, or the pack inside an envelope (read for review only: `verify` checks signatures). */
function loadEither(path: string): RulePack {
  let json = readJson(path);
  const envelope = PackEnvelope.safeParse(json);
  if (envelope.success) {
    const text = fromUtf8(fromBase64Url(envelope.data.payload) ?? new Uint8Array([0xff]));
    if (text === undefined)
      throw new BadInput({ zh: `${path} 的内容无法解码`, en: `${path}: payload cannot be decoded` });
    try {
      json = JSON.parse(text);
    } catch {
      throw new BadInput({ zh: `${path} 的内容不是 JSON`, en: `${path}: payload is not JSON` });
    }
  }
  const parsed = parsePack(json);
  if (!parsed.ok)
    throw new BadInput({
      zh: `${path} 不是有效的规则包：${parsed.errors[0]}`,
      en: `${path} is not a valid rule pack (${parsed.errors.length} error(s))`,
    });
  return parsed.pack;
}

/** `diff`: rules added (+), changed (~) and removed (-) by id between two versions of a pack. */
const diff: AdminCommand = {
  summary: '比较规则包 Rules added / changed / removed between two packs or envelopes',
  usage,
  run: (argv) =>
    guarded(usage, async () => {
      const { positionals } = args(argv, {});
      if (positionals.length !== 2)
        throw new BadInput({ zh: `需要两个文件\n用法：${usage}`, en: `Expected two files. Usage: ${usage}` });
      const [before, after] = positionals.map(loadEither) as [RulePack, RulePack];
      const d = diffPacks(before, after);
      const idNote = before.id === after.id ? before.id : `${before.id} → ${after.id}`;
      console.log(`${idNote}  v${before.version} → v${after.version}`);
      console.log(`新增 added ${d.added.length}，修改 changed ${d.changed.length}，删除 removed ${d.removed.length}`);
      for (const id of d.added) console.log(`+ ${id}`);
      for (const id of d.changed) console.log(`~ ${id}`);
      for (const id of d.removed) console.log(`- ${id}`);
      if (after.version <= before.version && d.added.length + d.changed.length + d.removed.length > 0) {
        console.log(
          '⚠ 内容有变化但版本号未提高，扩展将拒绝 Content changed but the version did not rise: the extension will refuse it',
        );
      }
      return 0;
    }),
};

export default diff;
