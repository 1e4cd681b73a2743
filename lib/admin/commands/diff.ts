import type { AdminCommand } from '../command';
import { BadInput, args, guarded, readJson } from '../../feed/cliIo';
import { diffPacks } from '../../feed/diff';
import { fromBase64Url, fromUtf8 } from '../../feed/encoding';
import { PackEnvelope } from '../../feed/envelope';
import { parsePack } from '../../packs/parsePack';
import type { RulePack } from '../../packs/schema';
import { chineseFirst, kindOfFile } from '../packFile';

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
  const kind = kindOfFile(json, path);
  if (kind) throw new BadInput({ zh: `${path} 不是规则包：${kind.zh}`, en: `${path} is not a rule pack: ${kind.en}` });
  const parsed = parsePack(json);
  if (!parsed.ok)
    throw new BadInput({
      zh: `${path} 不是有效的规则包：${chineseFirst(parsed.errors[0]!)}`,
      en: `${path} is not a valid rule pack (${parsed.errors.length} error(s))`,
    });
  return parsed.pack;
}

/** The pack without its rules, keys sorted, for "everything else is equal". */
function withoutRules(pack: RulePack): unknown {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return sort({ ...pack, rules: [], directions: pack.directions.map((d) => ({ ...d, rules: [] })) });
}

const directionFacts = (pack: RulePack) => (withoutRules(pack) as RulePack).directions;

/** Which top-level parts besides rules differ: id, version, dates, titles, directions' facts. */
function describeOther(a: RulePack, b: RulePack, lang: 'zh' | 'en' = 'zh'): string {
  const parts: [string, string, boolean][] = [
    ['编号', 'id', a.id !== b.id],
    ['版本', 'version', a.version !== b.version],
    ['日期', 'dates', a.published !== b.published || a.expires !== b.expires],
    ['标题或来源', 'title or source', JSON.stringify([a.title, a.source]) !== JSON.stringify([b.title, b.source])],
    ['方向信息', 'direction facts', JSON.stringify(directionFacts(a)) !== JSON.stringify(directionFacts(b))],
  ];
  const differing = parts.filter(([, , d]) => d).map(([zh, en]) => (lang === 'zh' ? zh : en));
  return differing.join(lang === 'zh' ? '、' : ', ') || (lang === 'zh' ? '格式' : 'formatting');
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
      const ruleChanges = d.added.length + d.changed.length + d.removed.length;
      const same = JSON.stringify(withoutRules(before)) === JSON.stringify(withoutRules(after));
      const idNote = before.id === after.id ? before.id : `${before.id} → ${after.id}`;
      console.log(`${idNote}  v${before.version} → v${after.version}`);
      console.log(`新增 added ${d.added.length}，修改 changed ${d.changed.length}，删除 removed ${d.removed.length}`);
      for (const id of d.added) console.log(`+ ${id}`);
      for (const id of d.changed) console.log(`~ ${id}`);
      for (const id of d.removed) console.log(`- ${id}`);
      if (ruleChanges === 0 && same && before.version === after.version)
        console.log('两个规则包内容相同 The two packs are the same');
      else if (ruleChanges === 0)
        console.log(
          `规则相同，但规则包不同（${describeOther(before, after)}）Rules are the same but the packs differ (${describeOther(before, after, 'en')})`,
        );
      else console.log('两个规则包不同 The packs differ');
      if (after.version <= before.version && d.added.length + d.changed.length + d.removed.length > 0) {
        console.log(
          '⚠ 内容有变化但版本号未提高，扩展将拒绝 Content changed but the version did not rise: the extension will refuse it',
        );
      }
      return 0;
    }),
};

export default diff;
