import type { AdminCommand } from '../command';
import { isExpired, verifyEnvelope } from '../../feed/accept';
import { existsSync } from 'node:fs';
import { BadInput, args, guarded, readText, readTrustedKey, say } from '../../feed/cliIo';
import { keyId } from '../../feed/crypto';
import { fromBase64Url, sha256Hex, utf8 } from '../../feed/encoding';
import type { TrustedKey } from '../../feed/keyFile';
import { parsePack } from '../../packs/parsePack';

const usage =
  'npm run rules -- verify <envelope.json> --pub <public.json | publicKey> [--pub …] [--threshold k]\n' +
  '  --pub takes the public key file or the publicKey string itself (as in the policy and keygen output)';

/** A public key file, or the base64url `publicKey` string applicants are given. */
async function trustedKey(value: string): Promise<TrustedKey> {
  if (existsSync(value)) return readTrustedKey(value);
  const bytes = fromBase64Url(value);
  if (bytes?.length === 32) return { kid: await keyId(bytes), publicKey: value };
  throw new BadInput({
    zh: `--pub ${value.slice(0, 60)}：既不是公钥文件，也不是 32 字节的 base64url 公钥`,
    en: `--pub ${value.slice(0, 60)}: neither a public key file nor a 32-byte base64url public key`,
  });
}

/** Refusals that mean "this is not a signed pack file at all" (bad input) rather than "it does not verify". */
const notAnEnvelope = new Set(['too-large', 'empty', 'html', 'malformed']);

/** `verify`: checks an envelope as the extension would (signatures by k keys, then the pack schema). */
const verify: AdminCommand = {
  summary: '验证签名规则包 Verify a signed envelope against public keys',
  usage,
  run: (argv) =>
    guarded(usage, async () => {
      const { values, positionals } = args(argv, {
        pub: { type: 'string', multiple: true },
        threshold: { type: 'string' },
      });
      if (positionals.length !== 1)
        throw new BadInput({
          zh: `需要一个签名文件\n用法：${usage}`,
          en: `Expected one envelope file. Usage: ${usage}`,
        });
      const pubPaths = values.pub ?? [];
      if (!pubPaths.length)
        throw new BadInput({ zh: '需要 --pub <公钥文件或公钥>', en: 'Expected --pub <public key file or publicKey>' });
      const threshold = Number(values.threshold ?? 1);
      if (!Number.isInteger(threshold) || threshold < 1 || threshold > pubPaths.length) {
        throw new BadInput({
          zh: `--threshold 须为 1 到 ${pubPaths.length} 的整数`,
          en: `--threshold must be an integer from 1 to ${pubPaths.length}`,
        });
      }
      const trustedKeys = await Promise.all(pubPaths.map(trustedKey));
      const text = readText(positionals[0]!);
      const result = await verifyEnvelope(text, {
        trustedKeys,
        threshold,
        validatePack: parsePack,
      });
      if (!result.ok) {
        console.error(`✗ ${positionals[0]}: ${say(result.message)}`);
        return notAnEnvelope.has(result.reason) ? 2 : 1;
      }
      const { pack } = result;
      console.log(
        `✓ ${positionals[0]}: ${pack.id} v${pack.version}，有效期至 expires ${pack.expires}\n  规则包内容 SHA-256 (of the pack bytes inside the envelope): ${result.digest}\n  签名文件 SHA-256 (of this envelope file, as index.json lists it): ${await sha256Hex(utf8(text))}`,
      );
      if (isExpired(pack.expires, new Date()))
        console.log(`  ⚠ 规则已过期 This pack has expired: the extension will refuse it`);
      return 0;
    }),
};

export default verify;
