import type { AdminCommand } from '../command';
import { isExpired, verifyEnvelope } from '../../feed/accept';
import { BadInput, args, guarded, readText, readTrustedKey, say } from '../../feed/cliIo';
import { parsePack } from '../../packs/parsePack';

const usage = 'npm run rules -- verify <envelope.json> --pub <public.json> [--pub …] [--threshold k]';

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
      if (!pubPaths.length) throw new BadInput({ zh: '需要 --pub <公钥文件>', en: 'Expected --pub <public key file>' });
      const threshold = Number(values.threshold ?? 1);
      if (!Number.isInteger(threshold) || threshold < 1 || threshold > pubPaths.length) {
        throw new BadInput({
          zh: `--threshold 须为 1 到 ${pubPaths.length} 的整数`,
          en: `--threshold must be an integer from 1 to ${pubPaths.length}`,
        });
      }
      const trustedKeys = await Promise.all(pubPaths.map(readTrustedKey));
      const result = await verifyEnvelope(readText(positionals[0]!), {
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
        `✓ ${positionals[0]}: ${pack.id} v${pack.version}，有效期至 expires ${pack.expires}，SHA-256 ${result.digest}`,
      );
      if (isExpired(pack.expires, new Date()))
        console.log(`  ⚠ 规则已过期 This pack has expired: the extension will refuse it`);
      return 0;
    }),
};

export default verify;
