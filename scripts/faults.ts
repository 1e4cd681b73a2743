// npm run faults [-- --trials N] [-- "kind name" …]: fault trials in Chromium on the replica (build first: npm run
// build:test). Prints the table fault × trials × keystrokes lost × false alarms × what the user saw.
import { faultKinds, faultTable, runFaults } from './support/faults';

const args = process.argv.slice(2);
const trialsAt = args.indexOf('--trials');
const trials = trialsAt >= 0 ? Number(args[trialsAt + 1]) : 20;
const names = args.filter((a, i) => a !== '--trials' && i !== trialsAt + 1);
const kinds = names.length ? faultKinds.filter((k) => names.some((n) => k.name.includes(n))) : faultKinds;
if (!kinds.length) {
  console.error(`No fault kind matches ${names.join(', ')}. Kinds: ${faultKinds.map((k) => k.name).join('; ')}`);
  process.exit(2);
}
const started = Date.now();
const rows = await runFaults(kinds, trials);
console.log(`\n${faultTable(rows)}\n\n(${trials} trials each, ${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(rows.some((r) => r.keysLost > 0 || r.falseAlarms > 0) ? 1 : 0);
