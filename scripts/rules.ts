// npm run rules -- <command> [args]: the admin CLI. Each command is lib/admin/commands/<command>.ts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AdminCommand } from '../lib/admin/command';

const dir = join(import.meta.dirname, '..', 'lib', 'admin', 'commands');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

async function load(name: string): Promise<AdminCommand> {
  return (await import(join(dir, `${name}.ts`))).default;
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  console.log('用法 Usage: npm run rules -- <command> [options]\n');
  for (const n of names) console.log(`  ${n.padEnd(10)} ${(await load(n)).summary}`);
  console.log("\n`npm run rules -- <command> --help` shows a command's options.");
  process.exit(name ? 0 : 2);
}
if (!existsSync(join(dir, `${name}.ts`))) {
  console.error(`未知命令 Unknown command "${name}". Commands: ${names.join(', ')}`);
  process.exit(2);
}
const command = await load(name);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`${command.summary}\n\n用法 Usage: ${command.usage}`);
  process.exit(0);
}
process.exit(await command.run(args));
