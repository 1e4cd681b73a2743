import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AdminCommand } from '../command';
import { ed25519 } from '../../feed/crypto';
import { BadInput, args, guarded, readPack, readSigningKey, readText } from '../../feed/cliIo';
import { utf8 } from '../../feed/encoding';
import { parseOuter } from '../../feed/envelope';
import { KeyListEnvelope } from '../../feed/keys';
import { buildFeed } from '../../feed/publish';

const usage =
  'npm run rules -- publish <dir> --key <private.json> [--key …] [--keys <signed-keys.json>] <pack.json> [more.json …]';

/** `publish`: writes a static feed folder (index.json + signed envelopes) to upload to any HTTPS static host. */
const publish: AdminCommand = {
  summary: '发布静态规则源 Write a static feed folder (index.json + signed packs)',
  usage,
  run: (argv) =>
    guarded(usage, async () => {
      const { values, positionals } = args(argv, { key: { type: 'string', multiple: true }, keys: { type: 'string' } });
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
      const packs = packPaths.map(readPack);
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

      const files = await buildFeed(
        await ed25519(),
        packs.map(({ pack, text }) => ({
          header: { packId: pack.id, packVersion: pack.version, expires: pack.expires },
          bytes: utf8(text),
        })),
        keys,
        { updated: new Date(), keyList },
      );
      const root = resolve(dir);
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
