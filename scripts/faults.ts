// npm run faults [-- --trials N] [--extension DIR] [-- "kind name" …]: fault trials in Chromium on the replica (build
// first: npm run build:test; --extension runs them on a copy of a build, so a rebuild meanwhile does not disturb them).
// Prints the table fault × trials × keystrokes lost × false alarms × what the user saw.
import { faultKinds, faultTable, runFaults } from './support/faults';

const args = process.argv.slice(2);
const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const trials = Number(option('--trials') ?? 20);
const extensionDir = option('--extension');
// Everything else names kinds (any part of the name).
const names = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const kinds = names.length ? faultKinds.filter((k) => names.some((n) => k.name.includes(n))) : faultKinds;
if (!kinds.length) {
  console.error(`No fault kind matches ${names.join(', ')}. Kinds: ${faultKinds.map((k) => k.name).join('; ')}`);
  process.exit(2);
}
const started = Date.now();
const rows = await runFaults(kinds, trials, console.log, extensionDir);
console.log(`\n${faultTable(rows)}\n\n(${trials} trials each, ${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(rows.some((r) => r.keysLost > 0 || r.falseAlarms > 0) ? 1 : 0);
