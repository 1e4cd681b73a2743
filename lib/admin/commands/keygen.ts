import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AdminCommand } from '../command';
import { ed25519, randomSeed } from '../../feed/crypto';
import { BadInput, args, guarded } from '../../feed/cliIo';
import { describeKey, keyFileFromSeed, publicPart } from '../../feed/keyFile';

const usage = 'npm run rules -- keygen [--out <dir>]   (默认 default ~/.guidecheck/keys/)';

/** The git work tree containing `dir` (or its nearest existing parent), if any. */
function gitWorkTree(dir: string): string | undefined {
  let probe = dir;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  try {
    return execFileSync('git', ['-C', probe, 'rev-parse', '--show-toplevel'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** `keygen`: a new Ed25519 key pair; the private key goes outside any git repository so it is never committed. */
const keygen: AdminCommand = {
  summary: '生成签名密钥 Generate an Ed25519 signing key pair (private key kept outside the repository)',
  usage,
  run: (argv) =>
    guarded(usage, async () => {
      const { values } = args(argv, { out: { type: 'string' } });
      const dir = resolve(values.out ?? join(homedir(), '.guidecheck', 'keys'));
      const tree = gitWorkTree(dir);
      if (tree) {
        throw new BadInput({
          zh: `拒绝把私钥写入 git 仓库（${tree}）：请用 --out 指定仓库之外的目录`,
          en: `Refusing to write a private key inside the git work tree ${tree}; pass --out <dir> outside any repository`,
        });
      }
      const file = await keyFileFromSeed(await ed25519(), randomSeed());
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const privatePath = join(dir, `${file.kid}.private.json`);
      const publicPath = join(dir, `${file.kid}.public.json`);
      writeFileSync(privatePath, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(privatePath, 0o600);
      writeFileSync(publicPath, `${JSON.stringify(publicPart(file), null, 2)}\n`);
      console.log(`私钥 Private key (keep secret, back it up offline): ${privatePath}`);
      console.log(`公钥 Public key (give to applicants / put in the policy): ${publicPath}`);
      console.log(`密钥编号 kid: ${file.kid}`);
      console.log(`指纹 Fingerprint: ${await describeKey(file)}`);
      console.log(`公钥 publicKey: ${file.publicKey}`);
      return 0;
    }),
};

export default keygen;
