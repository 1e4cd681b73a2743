// npm run fuzz:feed [-- cases]: the feed fuzz after the signature (test/fuzz/feedAfterSignature.ts), 20,000 cases
// by default. Prints the figures; exits 1 when any case was accepted wrongly, threw, got another refusal than
// its class expects, or left no rules in use, or when fewer than 40 % passed signature verification.
import { runFeedFuzz } from '../test/fuzz/feedAfterSignature';

const cases = Number(process.argv[2] ?? 20_000);
const started = performance.now();
const report = await runFeedFuzz(cases);
const seconds = (performance.now() - started) / 1000;
const share = report.passedSignature / report.cases;
console.log(`cases: ${report.cases} in ${seconds.toFixed(1)} s`);
console.log(`passed signature verification: ${report.passedSignature} (${(share * 100).toFixed(1)} %)`);
console.log(`accepted invalid: ${report.acceptedInvalid.length}, thrown: ${report.thrown.length}`);
console.log(
  `other refusal than expected: ${report.wrongReason.length}, moments with no rules in use: ${report.emptyRules.length}`,
);
console.log('cases per class (ms):');
for (const [name, n] of Object.entries(report.byClass).sort())
  console.log(`  ${name}: ${n} (${(report.msByClass[name]! / n).toFixed(1)} ms each)`);
console.log('refusals by reason:');
for (const [reason, n] of Object.entries(report.reasons).sort()) console.log(`  ${reason}: ${n}`);
const problems = [...report.acceptedInvalid, ...report.thrown, ...report.wrongReason, ...report.emptyRules];
for (const p of problems.slice(0, 20)) console.error(`  ✗ ${p}`);
if (problems.length > 0 || share < 0.4) process.exit(1);
