import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AdminCommand } from '../command';
import { ed25519 } from '../../feed/crypto';
import { isExpired } from '../../feed/accept';
import { BadInput, args, guarded, readSigningKey, readText } from '../../feed/cliIo';
import { fromBase64Url, fromUtf8, utf8 } from '../../feed/encoding';
import { PackEnvelope, parseOuter } from '../../feed/envelope';
import { FeedIndex, readEntry } from '../../feed/feedIndex';
import type { RulePack } from '../../packs/schema';
import { pendingReview, readAdminPack } from '../packFile';
import { KeyListEnvelope } from '../../feed/keys';
import { buildFeed } from '../../feed/publish';

const usage =
  'npm run rules -- publish <dir> --key <private.json> [--key …] [--keys <signed-keys.json>] [--force] <pack.json> [more.json …]';

/** The pack text a feed folder already serves for `id` at `url`, if readable. */
function publishedText(root: string, url: string): string | undefined {
  try {
    const envelope = PackEnvelope.safeParse(JSON.parse(readFileSync(join(root, url), 'utf8')));
    return envelope.success ? fromUtf8(fromBase64Url(envelope.data.payload) ?? new Uint8Array()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the extension would refuse (expired, a lower version than the folder serves, changed content under
 * the same version) and what would change nothing (same version, same content), against the feed folder's
 * current index.json when there is one.
 */
function publishChecks(root: string, packs: { pack: RulePack; text: string }[], now: Date) {
  const refused: string[] = [];
  const unchanged: string[] = [];
  const indexPath = join(root, 'index.json');
  const index = existsSync(indexPath) ? FeedIndex.safeParse(JSON.parse(readText(indexPath))) : undefined;
  for (const { pack, text } of packs) {
    const name = `${pack.id} v${pack.version}`;
    if (isExpired(pack.expires, now))
      refused.push(
        `${name}：已于 ${pack.expires} 过期，扩展会拒绝 expired on ${pack.expires}; the extension refuses it`,
      );
    const old = index?.success
      ? index.data.packs
          .map((raw, i) => readEntry(raw, i))
          .flatMap((r) => (r.ok ? [r.entry] : []))
          .find((p) => p.id === pack.id)
      : undefined;
    if (!old) continue;
    if (old.version > pack.version)
      refused.push(`${name}：低于已发布的 v${old.version}，扩展会拒绝回退 lower than the published v${old.version}`);
    else if (old.version === pack.version) {
      if (publishedText(root, old.url) === text)
        unchanged.push(`${name}：与已发布的相同 same version and content as already published`);
      else refused.push(`${name}：内容已变但版本号未提高，扩展会拒绝 content changed but the version did not rise`);
    }
  }
  return { refused, unchanged };
}

/** `publish`: writes a static feed folder (index.json + signed envelopes) to upload to any HTTPS static host. */
const publish: AdminCommand = {
  summary: '发布静态规则源 Write a static feed folder (index.json + signed packs)',
  usage,
  run: (argv) =>
    guarded(usage, async () => {
      const { values, positionals } = args(argv, {
        key: { type: 'string', multiple: true },
        keys: { type: 'string' },
        force: { type: 'boolean' },
      });
      const [dir, ...packPaths] = positionals;
      if (!dir || !packPaths.length)
        throw new BadInput({
          zh: `需要输出目录和至少一个规则包\n用法：${usage}`,
          en: `Expected a folder and at least one pack. Usage: ${usage}`,
        });
      const keyPaths = values.key ?? [];
      if (!keyPaths.length)
        throw new BadInput({ zh: '需要 --key <私钥文件>', en: 'Expected --key <private key file>' });
      const keys = await Promise.all(keyPaths.map(readSigningKey));
      const packs = packPaths.map(readAdminPack);
      const drafts = packs.flatMap(({ pack }, i) => (pendingReview(pack, packPaths[i]!).length ? [packPaths[i]!] : []));
      if (drafts.length) {
        console.error(`✗ 草稿仍需人工处理，未发布：${drafts.join('、')}（先运行 validate）`);
        console.error(`  Still drafts needing a person, nothing published: ${drafts.join(', ')} (run validate)`);
        return 1;
      }
      const ids = packs.map((p) => p.pack.id);
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup) throw new BadInput({ zh: `规则包 ${dup} 出现了两次`, en: `Pack ${dup} is given twice` });

      let keyList: { text: string; seq: number } | undefined;
      if (values.keys) {
        const text = readText(values.keys);
        const parsed = parseOuter(text, KeyListEnvelope);
        if (!parsed.ok)
          throw new BadInput({
            zh: `${values.keys}：${parsed.message.zh}`,
            en: `${values.keys}: ${parsed.message.en}`,
          });
        keyList = { text, seq: parsed.value.seq };
      }

      const root = resolve(dir);
      const { refused, unchanged } = publishChecks(root, packs, new Date());
      for (const line of unchanged) console.log(`⚠ 未变化 Unchanged: ${line}`);
      if (refused.length) {
        for (const line of refused) console.error(`✗ ${line}`);
        if (!values.force) {
          console.error('未发布 Nothing published (--force publishes anyway).');
          return 1;
        }
        console.error('⚠ --force：仍然发布 publishing anyway');
      }
      const files = await buildFeed(
        await ed25519(),
        packs.map(({ pack, text }) => ({
          header: { packId: pack.id, packVersion: pack.version, expires: pack.expires },
          bytes: utf8(text),
        })),
        keys,
        { updated: new Date(), keyList },
      );
      for (const [path, text] of files) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      console.log(`✓ 已写入 Wrote ${root}`);
      for (const path of [...files.keys()].sort()) console.log(`    ${path}`);
      console.log('把整个目录上传到任意 HTTPS 静态主机；订阅地址为其中 index.json 的网址。');
      console.log(
        'Upload the whole folder to any HTTPS static host; the subscription URL is the address of its index.json.',
      );
      return 0;
    }),
};

export default publish;
