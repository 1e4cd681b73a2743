import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AdminCommand } from '../command';
import { ed25519 } from '../../feed/crypto';
import { BadInput, args, guarded, readJson, readSigningKey } from '../../feed/cliIo';
import { utf8 } from '../../feed/encoding';
import { serializeEnvelope, signPack } from '../../feed/envelope';
import { KeyList, signKeyList } from '../../feed/keys';
import { pendingReview, readAdminPack } from '../packFile';

const usage =
  'npm run rules -- sign <pack.json | key-list.json> --key <private.json> [--key <second.json>] [-o out.json | -o -]\n' +
  '  writes <pack>.signed.json in the current folder unless -o is given (-o - prints the envelope)\n' +
  '  key-list.json = { "seq": n, "threshold": k, "keys": [{ "kid", "publicKey" }] }: sign with k current keys and every new key';

/** `sign`: validates a pack, then wraps its exact bytes in a signed envelope. */
const sign: AdminCommand = {
  summary: '签名规则包或密钥列表 Sign a rule pack (validated first) or a key list for rotation',
  usage,
  run: (argv) =>
    guarded(usage, async () => {
      const { values, positionals } = args(argv, {
        key: { type: 'string', multiple: true },
        out: { type: 'string', short: 'o' },
      });
      if (positionals.length !== 1)
        throw new BadInput({ zh: `需要一个规则包文件\n用法：${usage}`, en: `Expected one pack file. Usage: ${usage}` });
      const keyPaths = values.key ?? [];
      if (!keyPaths.length)
        throw new BadInput({ zh: '需要 --key <私钥文件>', en: 'Expected --key <private key file>' });
      const keys = await Promise.all(keyPaths.map(readSigningKey));
      const signers = keys.map((k) => k.kid).join(', ');
      const keyList = KeyList.safeParse(readJson(positionals[0]!));
      let out: string;
      let what: string;
      if (keyList.success) {
        out = serializeEnvelope(await signKeyList(await ed25519(), keyList.data, keys));
        what = `密钥列表 key list seq ${keyList.data.seq}`;
      } else {
        const { pack, text } = readAdminPack(positionals[0]!);
        const pending = pendingReview(pack, positionals[0]!);
        if (pending.length) {
          console.error(
            `✗ 草稿仍有 ${pending.length} 项需人工处理，未签名：先运行 npm run rules -- validate ${positionals[0]}\n  The draft still needs a person for ${pending.length} item(s); not signed. Run validate to see them.`,
          );
          return 1;
        }
        out = serializeEnvelope(
          await signPack(
            await ed25519(),
            { packId: pack.id, packVersion: pack.version, expires: pack.expires },
            utf8(text),
            keys,
          ),
        );
        what = `${pack.id} v${pack.version}（有效期至 expires ${pack.expires}）`;
      }
      // In the current folder, not beside the pack: a signed file inside rules/ would be bundled as a pack.
      const target = values.out ?? basename(positionals[0]!).replace(/(\.json)?$/, '.signed.json');
      if (target === '-') process.stdout.write(out);
      else writeFileSync(target, out);
      console.error(`✓ ${what} 已签名 signed by ${signers}${target === '-' ? '' : ` → ${target}`}`);
      return 0;
    }),
};

export default sign;
